package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.AccountRef;
import java.util.Comparator;

/**
 * Who an account's access belongs to when analysing: a person, or — for non-personal accounts and personal accounts
 * no person could be found for — the account itself, so its entitlements are still analysed.
 *
 * @param personId the person, or null when the subject is an account
 * @param account  the account, or null when the subject is a person
 */
public record Subject(String personId, AccountRef account) implements Comparable<Subject> {

    private static final Comparator<Subject> ORDER = Comparator
            .comparing((Subject s) -> s.personId == null)
            .thenComparing(s -> s.personId == null ? "" : s.personId)
            .thenComparing(s -> s.account == null ? new AccountRef("", "") : s.account);

    public static Subject person(String personId) {
        return new Subject(personId, null);
    }

    public static Subject account(AccountRef account) {
        return new Subject(null, account);
    }

    public boolean isPerson() {
        return personId != null;
    }

    @Override
    public int compareTo(Subject other) {
        return ORDER.compare(this, other);
    }
}

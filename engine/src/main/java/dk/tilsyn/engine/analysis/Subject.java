package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;

import java.util.List;

/**
 * Whom the rules are evaluated for: a person with all their accounts across systems, or a non-personal account
 * (generic, robot, supplier, uncorrelated) as its own subject.
 *
 * @param personId   the person of the institution's HR master, or null for an account on its own; a subject with
 *                   a person is the institution's "own user" for rules with {@code applies-to: own-users}
 * @param ownAccount the account when the subject is an account on its own, else null
 */
public record Subject(String personId, AccountRef ownAccount, List<Account> accounts) {

    public Subject {
        accounts = List.copyOf(accounts);
        if (personId == null && ownAccount == null) {
            throw new IllegalArgumentException("a subject is a person or an account");
        }
    }

    public static Subject person(String personId, List<Account> accounts) {
        return new Subject(personId, null, accounts);
    }

    public static Subject account(Account account) {
        return new Subject(null, account.ref(), List.of(account));
    }

    public boolean ownUser() {
        return personId != null;
    }

    /** How the subject is named in a Danish explanation. */
    public String label() {
        if (personId != null) {
            String name = null; // the first account that states a name (a loop: made for every subject)
            for (int i = 0; i < accounts.size() && name == null; i++) {
                String stated = accounts.get(i).name();
                name = stated == null || stated.isBlank() ? null : stated;
            }
            return "Person " + personId + (name == null ? "" : " (" + name + ")");
        }
        String type = accounts.isEmpty() || accounts.getFirst().type() == null ? ""
                : " (" + accounts.getFirst().type().code() + ")";
        return "Konto " + ownAccount.system() + "/" + ownAccount.account() + type;
    }
}

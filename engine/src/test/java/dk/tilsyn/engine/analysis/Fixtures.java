package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.access.SourceRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Small builders for accounts and assignments in tests; every assignment gets its own source line. */
final class Fixtures {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final AtomicLong LINE = new AtomicLong(1);

    private Fixtures() {
    }

    static Assignment role(String name) {
        return new Assignment(name, EntitlementType.ROLE, null, null, null, null, null, src());
    }

    static Assignment rightsSet(String name) {
        return new Assignment(name, EntitlementType.RIGHTS_SET, null, null, null, null, null, src());
    }

    static Assignment prokura(String amount) {
        return new Assignment("Prokura", EntitlementType.PROKURA, amount == null ? null : new BigDecimal(amount),
                null, null, null, null, src());
    }

    static Assignment mandate(String type, String maximum) {
        return new Assignment(type, EntitlementType.MANDATE, maximum == null ? null : new BigDecimal(maximum), null,
                null, null, null, src());
    }

    static Assignment expired(Assignment a) {
        return new Assignment(a.entitlement(), a.type(), a.amountLimit(), null, AS_OF.minusDays(1), null, null,
                a.source());
    }

    static Account account(String system, String name, Assignment... assignments) {
        return new Account(system, name, null, name, null, "Test " + name, AccountType.PERSONAL, true,
                List.of(assignments), List.of());
    }

    static Account inactive(Account a) {
        return new Account(a.system(), a.account(), a.personId(), a.username(), a.email(), a.name(), a.type(), false,
                a.assignments(), a.sources());
    }

    static Subject person(String id, Account... accounts) {
        return Subject.person(id, List.of(accounts));
    }

    private static SourceRef src() {
        return new SourceRef("extract.csv", LINE.getAndIncrement());
    }
}

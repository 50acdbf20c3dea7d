package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.ChangeEvent;

/**
 * One log line with its actor and target tied to the extracts' accounts. Logs and extracts often spell an
 * account differently ({@code THNI} vs {@code thni}); resolved references use the extract's spelling, so a
 * finding names each account once and the same way as everywhere else.
 *
 * <p>The references are made when asked for: most lines give no finding, and a reference per line and account
 * would be a million objects for nothing.
 *
 * @param actorAccount   the actor's account in the extracts, or null when the extracts do not show it
 * @param actorPosition  its position in the context's accounts, or {@link AccountIndex#NONE}
 * @param targetAccount  the target's account in the extracts, or null
 */
record ResolvedChange(ChangeEvent event, Account actorAccount, int actorPosition, Account targetAccount) {

    AccountRef actor() {
        return ref(event.actor(), actorAccount);
    }

    /** Null when the line has no target. */
    AccountRef target() {
        return event.hasTarget() ? ref(event.target(), targetAccount) : null;
    }

    boolean self() {
        if (!event.hasTarget()) {
            return false;
        }
        // Accounts found in the extracts are one object each; comparing them spares making both references.
        return actorAccount != null && targetAccount != null ? actorAccount == targetAccount : actor().equals(target());
    }

    private AccountRef ref(String name, Account known) {
        return known != null ? known.ref() : new AccountRef(event.system(), name.strip());
    }
}

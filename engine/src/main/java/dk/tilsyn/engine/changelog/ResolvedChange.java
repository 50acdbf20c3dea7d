package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.ChangeEvent;

/**
 * One log line with its actor and target tied to the extracts' accounts. Logs and extracts often spell an
 * account differently ({@code THNI} vs {@code thni}); resolved references use the extract's spelling, so a
 * finding names each account once and the same way as everywhere else.
 *
 * @param target      null when the line has no target
 * @param actorAccount  the actor's account in the extracts, or null when the extracts do not show it
 * @param targetAccount the target's account in the extracts, or null
 */
record ResolvedChange(ChangeEvent event, AccountRef actor, AccountRef target, Account actorAccount,
                      Account targetAccount) {

    boolean self() {
        if (target == null) {
            return false;
        }
        // Accounts found in the extracts are one object each; comparing them spares reading both references.
        return actorAccount != null && targetAccount != null ? actorAccount == targetAccount : actor.equals(target);
    }
}

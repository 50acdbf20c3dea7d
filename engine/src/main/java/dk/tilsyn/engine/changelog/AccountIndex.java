package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.ChangeEvent;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The extracts' accounts by system and name, ignoring case and surrounding spaces, as the engine matches them. */
final class AccountIndex {

    private final Map<AccountRef, Account> byKey = new HashMap<>();

    AccountIndex(Map<AccountRef, Account> accounts) {
        accounts.values().forEach(account -> byKey.putIfAbsent(key(account.system(), account.account()), account));
    }

    ResolvedChange resolve(ChangeEvent event) {
        Account actorAccount = byKey.get(key(event.system(), event.actor()));
        boolean hasTarget = event.target() != null && !event.target().isBlank();
        Account targetAccount = hasTarget ? byKey.get(key(event.system(), event.target())) : null;
        return new ResolvedChange(event, ref(event.system(), event.actor(), actorAccount),
                hasTarget ? ref(event.system(), event.target(), targetAccount) : null, actorAccount, targetAccount);
    }

    private static AccountRef ref(String system, String name, Account known) {
        return known != null ? known.ref() : new AccountRef(system, name.strip());
    }

    private static AccountRef key(String system, String account) {
        return new AccountRef(system, account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
    }
}

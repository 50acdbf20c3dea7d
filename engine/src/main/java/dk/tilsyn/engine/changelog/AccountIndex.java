package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.ChangeEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The extracts' accounts by system and name, ignoring case and surrounding spaces, as the engine matches them.
 *
 * <p>One small map per system, keyed by the folded name: no key object per account or per look-up, and the
 * systems' maps are built on every core. Where two accounts of a system fold to the same name, the first in the
 * given order is kept. Read-only once built, so look-ups may run in parallel.
 */
final class AccountIndex {

    private final Map<String, Map<String, Account>> bySystem = new HashMap<>();

    AccountIndex(Collection<Account> accounts) {
        Map<String, List<Account>> grouped = new LinkedHashMap<>();
        accounts.forEach(account -> grouped.computeIfAbsent(account.system(), s -> new ArrayList<>())
                .add(account));
        grouped.entrySet().parallelStream().map(entry -> Map.entry(entry.getKey(), byName(entry.getValue())))
                .toList().forEach(entry -> bySystem.put(entry.getKey(), entry.getValue()));
    }

    private static Map<String, Account> byName(List<Account> accounts) {
        Map<String, Account> byName = HashMap.newHashMap(accounts.size());
        accounts.forEach(account -> byName.putIfAbsent(key(account.account()), account));
        return byName;
    }

    ResolvedChange resolve(ChangeEvent event) {
        Map<String, Account> inSystem = bySystem.getOrDefault(event.system(), Map.of());
        Account actorAccount = inSystem.get(key(event.actor()));
        boolean hasTarget = event.target() != null && !event.target().isBlank();
        Account targetAccount = hasTarget ? inSystem.get(key(event.target())) : null;
        return new ResolvedChange(event, ref(event.system(), event.actor(), actorAccount),
                hasTarget ? ref(event.system(), event.target(), targetAccount) : null, actorAccount, targetAccount);
    }

    private static AccountRef ref(String system, String name, Account known) {
        return known != null ? known.ref() : new AccountRef(system, name.strip());
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}

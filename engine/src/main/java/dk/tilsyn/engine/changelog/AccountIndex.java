package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.ChangeEvent;
import dk.tilsyn.engine.access.SystemRuns;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The extracts' accounts by system and name, ignoring case and surrounding spaces, as the engine matches them.
 *
 * <p>One small map per system, keyed by the folded name: no key object per account or per look-up. The accounts
 * come extract by extract, so a system's accounts are runs of the list, and each run's map is built on its own
 * core. Where two accounts of a system fold to the same name, the first in the given order is kept. Read-only once
 * built, so look-ups may run in parallel.
 */
final class AccountIndex {

    private final Map<String, Map<String, Account>> bySystem = new HashMap<>();

    AccountIndex(List<Account> accounts) {
        SystemRuns.of(accounts, Account::system).parallelStream().map(AccountIndex::byName).toList()
                .forEach(run -> bySystem.merge(run.getKey(), run.getValue(), (first, later) -> {
                    later.forEach(first::putIfAbsent); // the earlier run's accounts come first
                    return first;
                }));
    }

    private static Map.Entry<String, Map<String, Account>> byName(List<Account> run) {
        Map<String, Account> byName = HashMap.newHashMap(run.size());
        run.forEach(account -> byName.putIfAbsent(key(account.account()), account));
        return Map.entry(run.getFirst().system(), byName);
    }

    ResolvedChange resolve(ChangeEvent event) {
        Map<String, Account> inSystem = bySystem.getOrDefault(event.system(), Map.of());
        Account actorAccount = inSystem.get(key(event.actor()));
        Account targetAccount = event.hasTarget() ? inSystem.get(key(event.target())) : null;
        return new ResolvedChange(event, actorAccount, targetAccount);
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}

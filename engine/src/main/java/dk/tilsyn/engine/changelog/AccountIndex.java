package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.ChangeEvent;
import dk.tilsyn.engine.access.SystemRuns;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The extracts' accounts by system and name, ignoring case and surrounding spaces, as the engine matches them. Each
 * name gives the account's position in the context's list, so the person tied to it is read from the same position
 * (correlation keeps its links in that order) without a second index of every account.
 *
 * <p>One small map per system, keyed by the folded name. The accounts come extract by extract, so a system's
 * accounts are runs of the list, and each run's map is built on its own core. Where two accounts of a system fold
 * to the same name, the first in the given order is kept. Read-only once built, so look-ups may run in parallel.
 */
final class AccountIndex {

    /** The name is in no extract of the system. */
    static final int NONE = -1;

    private final List<Account> accounts;
    private final Map<String, Map<String, Integer>> bySystem = new HashMap<>();

    AccountIndex(List<Account> accounts) {
        this.accounts = accounts;
        List<List<Account>> runs = SystemRuns.of(accounts, Account::system);
        int[] starts = new int[runs.size()];
        for (int i = 1; i < runs.size(); i++) {
            starts[i] = starts[i - 1] + runs.get(i - 1).size();
        }
        IntStream.range(0, runs.size()).parallel()
                .mapToObj(i -> byName(runs.get(i), starts[i])).toList()
                .forEach(run -> bySystem.merge(run.getKey(), run.getValue(), (first, later) -> {
                    later.forEach(first::putIfAbsent); // the earlier run's accounts come first
                    return first;
                }));
    }

    private static Map.Entry<String, Map<String, Integer>> byName(List<Account> run, int start) {
        Map<String, Integer> byName = HashMap.newHashMap(run.size());
        for (int i = 0; i < run.size(); i++) {
            byName.putIfAbsent(key(run.get(i).account()), start + i);
        }
        return Map.entry(run.getFirst().system(), byName);
    }

    /** The position of the system's account with the name, or {@link #NONE}. */
    int position(String system, String name) {
        if (name == null) {
            return NONE;
        }
        Map<String, Integer> inSystem = bySystem.get(system);
        Integer position = inSystem == null ? null : inSystem.get(key(name));
        return position == null ? NONE : position;
    }

    Account account(int position) {
        return position == NONE ? null : accounts.get(position);
    }

    ResolvedChange resolve(ChangeEvent event) {
        int actor = position(event.system(), event.actor());
        int target = event.hasTarget() ? position(event.system(), event.target()) : NONE;
        return new ResolvedChange(event, account(actor), actor, account(target));
    }

    static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}

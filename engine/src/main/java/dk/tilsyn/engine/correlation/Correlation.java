package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.SystemRuns;
import dk.tilsyn.engine.findings.Finding;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of correlating accounts to persons (ACC-2).
 *
 * <p>Every account's link is kept as a list in input order (extracts in the order given, accounts in file order):
 * deterministic for the same input. Looking an account up uses an index by system and name, built with the
 * correlation (change-log checks, reconciliations and the web app's evidence all look accounts up).
 */
public final class Correlation {

    private final List<Link> links;
    private final List<Finding> findings;
    private final Map<Subject, List<Account>> activeAccounts;
    /** Made on the first look-up (see {@link #index()}); null until then. */
    private volatile Map<String, Map<String, Link>> bySystem;

    /**
     * @param links          every account's outcome, in input order
     * @param findings       sorted by kind, person, first account
     * @param activeAccounts per subject, its active accounts across systems (sorted by system and name); persons by
     *                       id first, then accounts on their own by system and name: the index later analysis walks
     *                       to combine a person's entitlements
     */
    public Correlation(List<Link> links, List<Finding> findings, Map<Subject, List<Account>> activeAccounts) {
        this.links = Collections.unmodifiableList(links);
        this.findings = List.copyOf(findings);
        this.activeAccounts = Collections.unmodifiableMap(activeAccounts);
    }

    /** Every account's link, in input order. */
    public List<Link> linkList() {
        return links;
    }

    /** Every account's link by account, in input order; a new map on every call (for reports and tests). */
    public Map<AccountRef, Link> links() {
        Map<AccountRef, Link> byRef = LinkedHashMap.newLinkedHashMap(links.size());
        links.forEach(link -> byRef.put(link.account().ref(), link));
        return byRef;
    }

    public List<Finding> findings() {
        return findings;
    }

    public Map<Subject, List<Account>> activeAccounts() {
        return activeAccounts;
    }

    /** The subject's active accounts across systems; empty when it has none. */
    public List<Account> activeAccountsOf(Subject subject) {
        return activeAccounts.getOrDefault(subject, List.of());
    }

    /** The account's link, or null when no extract has the account. Safe to call from several threads. */
    public Link link(AccountRef account) {
        Map<String, Link> inSystem = index().get(account.system());
        return inSystem == null ? null : inSystem.get(account.account());
    }

    /**
     * The analysis itself never looks an account up by reference (the change-log checks use their own index, which
     * gives positions in {@link #linkList()}), so the index of 400,000 accounts is made when a caller first asks:
     * reports, reconciliations, the web app's evidence.
     */
    private Map<String, Map<String, Link>> index() {
        Map<String, Map<String, Link>> index = bySystem;
        if (index == null) {
            synchronized (this) {
                index = bySystem;
                if (index == null) {
                    index = bySystem = build();
                }
            }
        }
        return index;
    }

    /**
     * One map per system keyed by the account's name: no key object per account, and the systems on every core. The
     * links come extract by extract, so a system's links are found as runs of the list without hashing each one.
     */
    private Map<String, Map<String, Link>> build() {
        Map<String, Map<String, Link>> index = new HashMap<>();
        SystemRuns.of(links, link -> link.account().system()).parallelStream().map(run -> {
            Map<String, Link> byName = HashMap.newHashMap(run.size());
            run.forEach(link -> byName.put(link.account().account(), link));
            return Map.entry(run.getFirst().account().system(), byName);
        }).toList().forEach(entry -> index.merge(entry.getKey(), entry.getValue(), (first, second) -> {
            first.putAll(second);
            return first;
        }));
        return index;
    }

    /**
     * Every account by reference as a read-only map over the links: {@code get} uses the index, iteration walks the
     * links in input order. Spares a second map of 400,000 entries next to the links.
     */
    public Map<AccountRef, Account> accountsByRef() {
        return new AbstractMap<>() {
            @Override
            public Account get(Object key) {
                if (!(key instanceof AccountRef ref)) {
                    return null;
                }
                Link link = link(ref);
                return link == null ? null : link.account();
            }

            @Override
            public boolean containsKey(Object key) {
                return get(key) != null;
            }

            @Override
            public int size() {
                return links.size();
            }

            @Override
            public Set<Entry<AccountRef, Account>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<AccountRef, Account>> iterator() {
                        return links.stream().map(Link::account)
                                .<Entry<AccountRef, Account>>map(account -> Map.entry(account.ref(), account)).iterator();
                    }

                    @Override
                    public int size() {
                        return links.size();
                    }
                };
            }
        };
    }
}

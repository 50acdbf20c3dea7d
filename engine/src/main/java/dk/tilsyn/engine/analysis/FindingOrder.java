package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.findings.Finding;

import java.util.Comparator;
import java.util.List;

/** The one order findings are reported in: severity, rule, person, accounts. Makes output reproducible. */
public final class FindingOrder {

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::person, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::accounts, FindingOrder::compareAccounts)
            .thenComparing(Finding::explanation);

    private FindingOrder() {
    }

    private static int compareAccounts(List<AccountRef> a, List<AccountRef> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}

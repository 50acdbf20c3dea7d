package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.findings.Finding;

import java.util.Comparator;
import java.util.List;

/** The one order findings are reported in: severity, rule, person, accounts. Makes output reproducible. */
public final class FindingOrder {

    public static final Comparator<Finding> ORDER = FindingOrder::compare;

    private FindingOrder() {
    }

    /**
     * Severity, rule, person (findings without one last), accounts, explanation. Written out rather than composed
     * from key extractors: an analysis sorts tens of thousands of findings, much of it before the JIT has compiled
     * the composed lambdas.
     */
    private static int compare(Finding a, Finding b) {
        int c = a.severity().compareTo(b.severity());
        if (c == 0) {
            c = a.rule().compareTo(b.rule());
        }
        if (c == 0) {
            c = a.person() == null ? (b.person() == null ? 0 : 1) : b.person() == null ? -1 : a.person().compareTo(b.person());
        }
        if (c == 0) {
            c = compareAccounts(a.accounts(), b.accounts());
        }
        return c != 0 ? c : a.explanation().compareTo(b.explanation());
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

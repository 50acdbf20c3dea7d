package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reconciles two extracts of one system for chosen entitlements (ACC-7; 000 §3.2.2: the IGA's view of "Lederhat" and
 * "Prokuraværdi" against Kvantum's own). Accounts and entitlements are matched case-insensitively, ignoring
 * surrounding spaces, because an IGA often normalises case. An assignment on one side only, or with a different
 * amount limit, start or end, is a MEDIUM {@code reconciliation-difference} citing the rows of both sides.
 */
public final class Reconciler {

    public List<Finding> compare(Extract left, Extract right, Set<String> entitlements) {
        Set<String> chosen = new java.util.HashSet<>();
        entitlements.forEach(e -> chosen.add(key(e)));
        Map<String, Assignment> leftSide = index(left, chosen);
        Map<String, Assignment> rightSide = index(right, chosen);
        List<Finding> findings = new ArrayList<>();
        Stream.concat(leftSide.keySet().stream(), rightSide.keySet().stream()).distinct().sorted().forEach(k -> {
            Assignment a = leftSide.get(k);
            Assignment b = rightSide.get(k);
            String what = describe(a, b);
            if (a == null || b == null || what != null) {
                findings.add(finding(left, right, k, a, b, what));
            }
        });
        return findings;
    }

    private static Map<String, Assignment> index(Extract extract, Set<String> chosen) {
        Map<String, Assignment> byKey = new TreeMap<>();
        for (Account account : extract.accounts()) {
            for (Assignment assignment : account.assignments()) {
                if (chosen.contains(key(assignment.entitlement()))) {
                    byKey.putIfAbsent(key(account.account()) + "\u0000" + key(assignment.entitlement()), assignment);
                }
            }
        }
        return byKey;
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static String describe(Assignment a, Assignment b) {
        if (a == null || b == null) {
            return null;
        }
        List<String> differences = new ArrayList<>();
        if (!sameAmount(a, b)) {
            differences.add("beløbsgrænse " + a.amountLimit() + " mod " + b.amountLimit());
        }
        if (!Objects.equals(a.validFrom(), b.validFrom())) {
            differences.add("gyldig fra " + a.validFrom() + " mod " + b.validFrom());
        }
        if (!Objects.equals(a.validTo(), b.validTo())) {
            differences.add("gyldig til " + a.validTo() + " mod " + b.validTo());
        }
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    /** 50000 and 50000.00 are the same limit. */
    private static boolean sameAmount(Assignment a, Assignment b) {
        return a.amountLimit() == null ? b.amountLimit() == null
                : b.amountLimit() != null && a.amountLimit().compareTo(b.amountLimit()) == 0;
    }

    private static Finding finding(Extract left, Extract right, String key, Assignment a, Assignment b, String what) {
        String[] parts = key.split("\u0000");
        Account account = find(a != null ? left : right, a != null ? a : b);
        String entitlement = (a != null ? a : b).entitlement();
        String text;
        if (a == null || b == null) {
            String has = a != null ? left.facts().name() : right.facts().name();
            String lacks = a != null ? right.facts().name() : left.facts().name();
            text = "Kontoen \"" + account.account() + "\" i " + left.system() + " har \"" + entitlement + "\" ifølge "
                    + has + ", men ikke ifølge " + lacks + ". Afstem de to kilder.";
        } else {
            text = "Kontoen \"" + account.account() + "\" i " + left.system() + " har \"" + entitlement
                    + "\" i begge kilder, men de afviger (" + left.facts().name() + " mod " + right.facts().name()
                    + "): " + what + ".";
        }
        List<SourceRef> evidence = Stream.of(a, b).filter(Objects::nonNull).map(Assignment::source)
                .sorted(SourceRef.ORDER).toList();
        return new Finding(FindingKind.RECONCILIATION_DIFFERENCE, Severity.MEDIUM, "reconciliation.difference",
                account.personId(), List.of(left.system()), List.of(new AccountRef(left.system(), account.account())),
                evidence, text);
    }

    private static Account find(Extract extract, Assignment assignment) {
        return extract.accounts().stream().filter(a -> a.assignments().contains(assignment)).findFirst()
                .orElseThrow();
    }
}

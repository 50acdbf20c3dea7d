package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.rules.BaselineCheck;
import dk.tilsyn.engine.rules.RuleSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the security parameters read from a system with the rule set's baseline (ACC-8). A system whose
 * parameters were not supplied is not checked; a supplied system that lacks a baselined parameter is a deviation,
 * because an unstated value cannot be shown to meet the policy.
 */
public final class BaselineChecker {

    private final RuleSet ruleSet;

    public BaselineChecker(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** @param parametersBySystem system id → parameter → value as the system states it */
    public List<Finding> check(Map<String, Map<String, String>> parametersBySystem) {
        List<Finding> findings = new ArrayList<>();
        for (BaselineCheck check : ruleSet.baseline()) {
            Map<String, String> parameters = parametersBySystem.get(check.system());
            if (parameters == null) {
                continue;
            }
            String actual = parameters.get(check.parameter());
            String problem = actual == null ? "er ikke angivet" : deviation(check, actual.strip());
            if (problem != null) {
                findings.add(new Finding(FindingKind.BASELINE_DEVIATION, check.severity(), check.id(), null,
                        List.of(check.system()), List.of(), List.of(), check.system() + ": parameteren "
                        + check.parameter() + " " + problem + "; forventet " + check.comparator().symbol() + " "
                        + String.join(", ", check.expected()) + ". " + check.explanation()
                        + (check.source() == null ? "" : " (kilde: " + check.source() + ")")));
            }
        }
        findings.sort(FindingOrder.ORDER);
        return List.copyOf(findings);
    }

    /** Null when the value meets the check, else the Danish description of the deviation. */
    private static String deviation(BaselineCheck check, String actual) {
        String found = "er " + actual;
        return switch (check.comparator()) {
            case IN -> check.expected().contains(actual) ? null : found;
            case EQ -> equal(actual, check.expected().getFirst()) ? null : found;
            case LE, GE -> {
                BigDecimal value = number(actual);
                BigDecimal limit = number(check.expected().getFirst());
                if (value == null || limit == null) {
                    yield found + " (ikke et tal)";
                }
                int c = value.compareTo(limit);
                boolean ok = check.comparator() == dk.tilsyn.engine.rules.BaselineComparator.LE ? c <= 0 : c >= 0;
                yield ok ? null : found;
            }
        };
    }

    private static boolean equal(String actual, String expected) {
        BigDecimal a = number(actual);
        BigDecimal e = number(expected);
        return a != null && e != null ? a.compareTo(e) == 0 : actual.equals(expected);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

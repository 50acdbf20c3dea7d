package dk.tilsyn.engine.rules;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plain set semantics of a rule: the reference the compiled bitmask form in the analysis must agree with. */
public final class RuleSets {

    private RuleSets() {
    }

    /** Whether the rule fires for someone holding exactly {@code held} (qualified function ids). */
    public static boolean fires(Rule rule, Set<String> held, Function<String, String> systemOf) {
        if (rule.scope() == RuleScope.ANY) {
            return satisfied(rule, held);
        }
        Set<String> systems = held.stream().map(systemOf).collect(Collectors.toSet());
        for (String system : systems) {
            Set<String> inSystem = held.stream().filter(f -> systemOf.apply(f).equals(system))
                    .collect(Collectors.toSet());
            if (satisfied(rule, inSystem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean satisfied(Rule rule, Set<String> held) {
        return held.containsAll(rule.allOf()) && rule.anyOf().stream().allMatch(g -> intersects(g, held));
    }

    private static boolean intersects(Collection<String> group, Set<String> held) {
        return group.stream().anyMatch(held::contains);
    }
}

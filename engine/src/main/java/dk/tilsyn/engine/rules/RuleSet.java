package dk.tilsyn.engine.rules;

import java.util.List;
import java.util.Optional;

/**
 * An effective rule set: a base with every layer applied. Immutable.
 *
 * @param layers      the ids of the documents it was built from, base first
 * @param disabled    the rules layers switched off, with their reasons (no longer in {@code rules})
 * @param contentHash SHA-256 (hex) of the canonical form of everything above except {@code layers}
 */
public record RuleSet(String id, String version, String title, List<SystemDef> systems, List<FunctionDef> functions,
                      List<Rule> rules, List<AllowedCombination> allowed, List<BaselineCheck> baseline,
                      List<DisabledRule> disabled, List<String> layers, String contentHash) {

    public RuleSet {
        systems = List.copyOf(systems);
        functions = List.copyOf(functions);
        rules = List.copyOf(rules);
        allowed = List.copyOf(allowed);
        baseline = List.copyOf(baseline);
        disabled = List.copyOf(disabled);
        layers = List.copyOf(layers);
    }

    public Optional<FunctionDef> function(String qualifiedId) {
        return functions.stream().filter(f -> f.qualifiedId().equals(qualifiedId)).findFirst();
    }

    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    public Optional<SystemDef> system(String systemId) {
        return systems.stream().filter(s -> s.id().equals(systemId)).findFirst();
    }
}

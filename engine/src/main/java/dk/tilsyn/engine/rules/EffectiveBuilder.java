package dk.tilsyn.engine.rules;

import dk.tilsyn.engine.rules.LayerDocument.Located;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Resolves references (function ids, {@code tag:} groups, superseded rules) and checks the merged content. */
final class EffectiveBuilder {

    private final LayerMerger merged;
    private final Problems problems;
    private final String origin;

    EffectiveBuilder(LayerMerger merged, Problems problems, String origin) {
        this.merged = merged;
        this.problems = problems;
        this.origin = origin;
    }

    List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (Located<Rule> located : merged.rules.values()) {
            Rule rule = located.value();
            List<String> allOf = expand(rule.allOf(), located.path() + ".all-of");
            List<List<String>> anyOf = new ArrayList<>();
            for (int i = 0; i < rule.anyOf().size(); i++) {
                anyOf.add(expand(rule.anyOf().get(i), located.path() + ".any-of[" + i + "]"));
            }
            if (allOf.isEmpty() && anyOf.isEmpty()) {
                problems.add(origin, located.path(), "reglen '" + rule.id() + "' nævner ingen funktioner "
                        + "(all-of/any-of) – forventet mindst én funktion");
            }
            List<String> supersedes = new ArrayList<>();
            for (String other : rule.supersedes()) {
                if (merged.rules.containsKey(other)) {
                    supersedes.add(other);
                } else if (merged.disabled.stream().noneMatch(d -> d.rule().equals(other))) {
                    problems.add(origin, located.path() + ".supersedes", Problems.unknownRule(other));
                }
            }
            rules.add(new Rule(rule.id(), rule.kind(), rule.severity(), rule.title(), rule.explanation(),
                    rule.source(), allOf, anyOf, rule.scope(), rule.ownUsersOnly(), supersedes));
        }
        return rules;
    }

    /** Qualified ids and {@code tag:x} (every function with tag x) to sorted, distinct qualified ids. */
    private List<String> expand(List<String> refs, String path) {
        Set<String> out = new LinkedHashSet<>();
        for (String ref : refs) {
            if (ref.startsWith("tag:")) {
                String tag = ref.substring(4);
                List<String> tagged = merged.functions.values().stream().filter(f -> f.tags().contains(tag))
                        .map(FunctionDef::qualifiedId).toList();
                if (tagged.isEmpty()) {
                    problems.add(origin, path, "ukendt tag '" + tag + "' – ingen funktion i regelsættet har det i "
                            + "tags");
                }
                out.addAll(tagged);
            } else if (merged.functions.containsKey(ref)) {
                out.add(ref);
            } else {
                problems.add(origin, path, Problems.unknownFunction(ref));
            }
        }
        return out.stream().sorted().toList();
    }

    List<AllowedCombination> allowed(List<Rule> rules) {
        List<AllowedCombination> allowed = new ArrayList<>();
        for (Located<AllowedCombination> located : merged.allowed.values()) {
            AllowedCombination combination = located.value();
            List<String> functions = expand(combination.functions(), located.path() + ".functions");
            for (Rule rule : rules) {
                if (RuleSets.fires(rule, new HashSet<>(functions), this::systemOf)) {
                    problems.add(origin, located.path(), "reglen '" + rule.id() + "' ville rapportere den tilladte "
                            + "kombination '" + combination.id() + "' (" + String.join(", ", functions) + ") – en "
                            + "tilladt kombination må aldrig give et fund; ret reglen eller kombinationen");
                }
            }
            allowed.add(new AllowedCombination(combination.id(), functions, combination.source(),
                    combination.reason()));
        }
        return allowed;
    }

    private String systemOf(String qualifiedFunction) {
        return merged.functions.get(qualifiedFunction).system();
    }
}

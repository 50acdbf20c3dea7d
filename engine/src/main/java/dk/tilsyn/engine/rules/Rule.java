package dk.tilsyn.engine.rules;

import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;

import java.util.List;

/**
 * A forbidden or watched combination of functions. It fires for a subject that holds every function of
 * {@code allOf} and at least one function of each group in {@code anyOf}. Function references are qualified
 * ids ({@code indfak.disposition}); {@code tag:} references are already expanded in an effective rule set.
 *
 * @param ownUsersOnly only subjects that are the institution's own persons (correlated to its HR master)
 * @param supersedes   rules whose finding is dropped when this rule fires on a superset of its functions, so the
 *                     same combination is not reported twice under a weaker rule
 */
public record Rule(String id, FindingKind kind, Severity severity, String title, String explanation, String source,
                   List<String> allOf, List<List<String>> anyOf, RuleScope scope, boolean ownUsersOnly,
                   List<String> supersedes) {

    public Rule {
        allOf = List.copyOf(allOf);
        anyOf = anyOf.stream().map(List::copyOf).toList();
        supersedes = List.copyOf(supersedes);
    }
}

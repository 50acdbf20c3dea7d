package dk.tilsyn.access.internal;

import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.rules.Rule;
import dk.tilsyn.engine.rules.RuleSet;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer of a preventive check as sent (JSON). Documented field by field in {@code api/openapi.yaml} and
 * docs/formats.md; {@code OpenApiDocumentIT} holds the two together.
 *
 * @param findings what the grant would add to the findings of the snapshot's run, most serious first; empty when
 *                 the grant adds nothing
 * @param notices  things the caller should know about the question (an unknown system or entitlement), in Danish
 */
record PreventiveCheckAnswer(Snapshot snapshot, Grant grant, List<AddedFinding> findings, List<String> notices) {

    /** Which data the answer is from: the newest finished run of the institution. */
    record Snapshot(long runId, String asOf, String finishedAt, String ruleSet, String ruleSetVersion) {
        static Snapshot of(AnalysisRun run) {
            return new Snapshot(run.id(), run.asOf().toString(),
                    run.finishedAt() == null ? null : run.finishedAt().toInstant().toString(), run.ruleSetId(),
                    run.ruleSetVersion());
        }
    }

    /**
     * The grant as evaluated.
     *
     * @param newAccount true when the person has no account in the system yet and the grant was evaluated on a new
     *                   one
     */
    record Grant(String person, String system, String account, boolean newAccount, String entitlement,
                 String entitlementType, BigDecimal amount) {
    }

    record AddedFinding(String kind, String severity, String rule, String title, List<String> systems,
                        List<AccountName> accounts, String explanation) {
        static AddedFinding of(Finding finding, RuleSet rules) {
            return new AddedFinding(finding.kind().code(), finding.severity().code(), finding.rule(),
                    rules.rule(finding.rule()).map(Rule::title).orElse(null), finding.systems(),
                    finding.accounts().stream().map(a -> new AccountName(a.system(), a.account())).toList(),
                    finding.explanation());
        }
    }

    record AccountName(String system, String account) {
    }
}

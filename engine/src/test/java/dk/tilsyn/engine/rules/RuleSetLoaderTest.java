package dk.tilsyn.engine.rules;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetLoaderTest {

    private static final String BASE = """
            id: base
            version: "1"
            title: Base
            systems:
              - id: ns
                name: Navision Stat
                functions:
                  - id: posting
                    title: Bogføring
                    grant: {entitlement: [NS_BOGHOLDER]}
                  - id: final
                    title: Endelig godkendelse
                    grant:
                      all-of:
                        - entitlement: NS_BETALING
                        - {entitlement_type: prokura, amount_limit: "> 0"}
                  - id: super
                    title: SUPER
                    privileged: true
                    tags: [privileged]
                    grant: {entitlement: SUPER}
            rules:
              - id: post-and-super
                kind: sod-conflict
                severity: high
                title: T
                explanation: E
                source: "§4.1.6"
                all-of: [ns.posting, tag:privileged]
            """;

    private static RuleSet load(String yaml) {
        return loader(Map.of()).load(new RuleSetLoader.Source("test.yaml", yaml));
    }

    private static RuleSetLoader loader(Map<String, String> others) {
        return new RuleSetLoader(id -> id.equals("base") ? Optional.of(new RuleSetLoader.Source("base.yaml", BASE))
                : Optional.ofNullable(others.get(id)).map(y -> new RuleSetLoader.Source(id + ".yaml", y)));
    }

    private static void assertProblem(String yaml, String expected) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(RuleSetException.class).hasMessageContaining(expected);
    }

    @Test
    void loadsTheBase() {
        RuleSet rules = load(BASE);
        assertThat(rules.rule("post-and-super").orElseThrow().allOf()).containsExactly("ns.posting", "ns.super");
        assertThat(rules.layers()).containsExactly("base");
    }

    @Test
    void unknownFunction() {
        assertProblem(BASE.replace("[ns.posting, tag:privileged]", "[ns.postering]"),
                "test.yaml: rules[0].all-of: unknown function 'ns.postering'");
    }

    @Test
    void unknownTag() {
        assertProblem(BASE.replace("tag:privileged]", "tag:priviligeret]"),
                "test.yaml: rules[0].all-of: unknown tag 'priviligeret': no function has it");
    }

    @Test
    void unknownSystemInALayer() {
        assertProblem("""
                id: inst
                version: "1"
                extends: base
                add-functions:
                  sap:
                    - {id: x, title: X, grant: {entitlement: X}}
                """, "test.yaml: add-functions.sap[0]: unknown system 'sap'");
    }

    @Test
    void malformedExpression() {
        assertProblem(BASE.replace("grant: {entitlement: SUPER}", "grant: {any-of: [], entitlement: SUPER}"),
                "test.yaml: systems[0].functions[2].grant: malformed expression: any-of must be the only key");
        assertProblem(BASE.replace("grant: {entitlement: SUPER}", "grant: {amount_limit: \"> 0\"}"),
                "systems[0].functions[2].grant: malformed expression: a matcher needs entitlement or entitlement_type");
        assertProblem(BASE.replace("amount_limit: \"> 0\"", "amount_limit: \"mere end 0\""),
                "systems[0].functions[1].grant.all-of[1].amount_limit: malformed amount condition 'mere end 0'");
    }

    @Test
    void duplicateIds() {
        assertProblem(BASE + """
                  - id: post-and-super
                    kind: sod-conflict
                    severity: low
                    title: T
                    explanation: E
                    source: S
                    all-of: [ns.posting]
                """, "test.yaml: rules[1].id: duplicate rule id 'post-and-super'");
        assertProblem(BASE.replace("  - id: final\n", "  - id: posting\n"),
                "systems[0].functions[1].id: duplicate function id 'ns.posting'");
    }

    @Test
    void unknownSeverityKindAndKey() {
        assertProblem(BASE.replace("severity: high", "severity: severe"),
                "rules[0].severity: unknown severity 'severe' (expected one of [critical, high, medium, low, info])");
        assertProblem(BASE.replace("kind: sod-conflict", "kind: conflict"), "rules[0].kind: unknown kind 'conflict'");
        assertProblem(BASE.replace("severity: high", "severity: high\n    sevrity: low"),
                "rules[0].sevrity: unknown key");
    }

    @Test
    void aRuleThatWouldReportAnAllowedCombinationDoesNotLoad() {
        assertProblem(BASE + """
                  - id: post-and-final
                    kind: sod-conflict
                    severity: low
                    title: T
                    explanation: E
                    source: S
                    all-of: [ns.posting, ns.final]
                allowed:
                  - id: ns-separation
                    functions: [ns.posting, ns.final]
                    source: "§2.3.1"
                    reason: kodemæssigt sikret
                """, "test.yaml: allowed[0]: rule 'post-and-final' would report the allowed combination 'ns-separation'");
    }

    @Test
    void invalidYamlNamesLineAndColumn() {
        assertProblem("id: x\nsystems: [\n", "test.yaml: line ");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        RuleSetException e = org.junit.jupiter.api.Assertions.assertThrows(RuleSetException.class, () -> load(
                BASE.replace("severity: high", "severity: severe").replace("kind: sod-conflict", "kind: x")));
        assertThat(e.problems()).extracting(RuleSetProblem::path).containsExactly("rules[0].kind",
                "rules[0].severity");
    }

    @Test
    void unknownBase() {
        assertProblem("id: inst\nversion: '1'\nextends: nowhere\n", "test.yaml: extends: unknown rule set 'nowhere'");
    }
}

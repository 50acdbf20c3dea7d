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
                "test.yaml: rules[0].all-of: ukendt funktion 'ns.postering' – forventet en funktion defineret i "
                        + "regelsættet (system.funktion)");
    }

    @Test
    void unknownTag() {
        assertProblem(BASE.replace("tag:privileged]", "tag:priviligeret]"),
                "test.yaml: rules[0].all-of: ukendt tag 'priviligeret' – ingen funktion i regelsættet har det i tags");
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
                """, "test.yaml: add-functions.sap[0]: ukendt system 'sap' – forventet id'et på et system defineret "
                + "under systems");
    }

    @Test
    void malformedExpression() {
        assertProblem(BASE.replace("grant: {entitlement: SUPER}", "grant: {any-of: [], entitlement: SUPER}"),
                "test.yaml: systems[0].functions[2].grant: ugyldigt udtryk: any-of skal være den eneste nøgle i sin "
                        + "mapping, fandt any-of, entitlement – flyt de øvrige ind som elementer under any-of");
        assertProblem(BASE.replace("grant: {entitlement: SUPER}", "grant: {amount_limit: \"> 0\"}"),
                "systems[0].functions[2].grant: ugyldigt udtryk: en matcher skal nævne mindst ét rettighedsnavn "
                        + "(entitlement) eller en rettighedstype (entitlement_type)");
        assertProblem(BASE.replace("amount_limit: \"> 0\"", "amount_limit: \"mere end 0\""),
                "systems[0].functions[1].grant.all-of[1].amount_limit: ugyldig beløbsbetingelse 'mere end 0' – "
                        + "forventet en sammenligning (<, <=, =, >=, >) og et beløb, fx '> 0' eller '<= 50000'");
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
                """, "test.yaml: rules[1].id: id'et 'post-and-super' er allerede brugt af en anden regel – hvert id "
                + "må kun bruges én gang");
        assertProblem(BASE.replace("  - id: final\n", "  - id: posting\n"),
                "systems[0].functions[1].id: id'et 'ns.posting' er allerede brugt af en anden funktion");
    }

    @Test
    void unknownSeverityKindAndKey() {
        assertProblem(BASE.replace("severity: high", "severity: severe"),
                "rules[0].severity: ukendt alvorlighed 'severe' (forventet en af: critical, high, medium, low, info)");
        assertProblem(BASE.replace("kind: sod-conflict", "kind: conflict"),
                "rules[0].kind: ukendt fundtype 'conflict' (forventet en af: sod-conflict, ");
        assertProblem(BASE.replace("severity: high", "severity: high\n    sevrity: low"),
                "rules[0].sevrity: ukendt nøgle 'sevrity' (forventet en af: all-of, any-of, applies-to, explanation, "
                        + "id, kind, scope, severity, source, supersedes, title)");
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
                """, "test.yaml: allowed[0]: reglen 'post-and-final' ville rapportere den tilladte kombination "
                + "'ns-separation' (ns.final, ns.posting) – en tilladt kombination må aldrig give et fund");
    }

    @Test
    void invalidYamlNamesLineAndColumn() {
        assertProblem("id: x\nsystems: [\n", "test.yaml: line 2, column 11: ikke gyldig YAML: while parsing a flow node\n"
                + " in reader, line 3, column 1:");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        RuleSetException e = org.junit.jupiter.api.Assertions.assertThrows(RuleSetException.class, () -> load(
                BASE.replace("severity: high", "severity: severe").replace("kind: sod-conflict", "kind: x")));
        assertThat(e.problems()).extracting(RuleSetProblem::path).containsExactly("rules[0].kind",
                "rules[0].severity");
    }

    @Test
    void aKeyGivenTwiceIsNamedInDanish() {
        assertProblem("id: x\nversion: '1'\nid: y\n",
                "test.yaml: line 3, column 3: ikke gyldig YAML: nøglen 'id' står flere gange i samme mapping");
    }

    @Test
    void anEmptyOrNonMappingDocumentSaysWhatItFound() {
        assertProblem("", "test.yaml: (document): dokumentet er tomt – forventet en mapping med mindst id og version");
        assertProblem("- a\n", "test.yaml: (document): forventet en mapping (nøgle: værdi) øverst i dokumentet, "
                + "fandt en liste");
    }

    @Test
    void theMessageCountsTheProblemsInDanish() {
        assertThatThrownBy(() -> load(BASE.replace("severity: high", "severity: severe")
                .replace("kind: sod-conflict", "kind: x")))
                .hasMessageStartingWith("Regelsættet har 2 fejl:\ntest.yaml: rules[0].kind: ukendt fundtype 'x'");
    }

    @Test
    void aWrongTypeNamesTheValueFound() {
        assertProblem(BASE.replace("privileged: true", "privileged: ja"),
                "test.yaml: systems[0].functions[2].privileged: forventet true eller false, fandt teksten 'ja'");
        assertProblem(BASE.replace("title: Base", "title: [Base]"), "test.yaml: title: forventet en tekst, fandt en liste");
        assertProblem(BASE.replace("tags: [privileged]", "tags: {privileged: x}"),
                "systems[0].functions[2].tags: forventet en liste, fandt en mapping");
        assertProblem(BASE.replace("all-of: [ns.posting, tag:privileged]", "all-of: [ns.posting, '']"),
                "test.yaml: rules[0].all-of[1]: forventet en tekst, der ikke er tom, fandt en tom tekst");
        assertProblem(BASE.replace("        title: Bogføring\n", ""),
                "test.yaml: systems[0].functions[0].title: nøglen 'title' mangler");
    }

    @Test
    void closedVocabulariesListWhatIsAllowed() {
        assertProblem(BASE.replace("all-of: [ns.posting, tag:privileged]",
                        "all-of: [ns.posting, tag:privileged]\n    scope: system\n    applies-to: own"),
                "test.yaml: rules[0].applies-to: ukendt værdi 'own' for applies-to (forventet en af: all, own-users)");
        assertProblem(BASE.replace("all-of: [ns.posting, tag:privileged]",
                        "all-of: [ns.posting, tag:privileged]\n    scope: system"),
                "test.yaml: rules[0].scope: ukendt omfang 'system' (forventet en af: any, same-system)");
        assertProblem(BASE.replace("{entitlement_type: prokura,", "{entitlement_type: fuldmagt,"),
                "systems[0].functions[1].grant.all-of[1].entitlement_type: ukendt rettighedstype 'fuldmagt' "
                        + "(forventet en af: role, rights_set, prokura, mandate, other)");
        assertProblem(BASE + """
                baseline:
                  - {id: b, system: ns, parameter: p, comparator: "<", expected: 1, severity: low, explanation: E}
                """, "test.yaml: baseline[0].comparator: ukendt sammenligning '<' (forventet en af: <=, >=, =, in)");
    }

    @Test
    void anEmptyAppliesToIsAProblemNotACrash() {
        assertProblem(BASE.replace("all-of: [ns.posting, tag:privileged]",
                        "all-of: [ns.posting, tag:privileged]\n    applies-to: ''"),
                "test.yaml: rules[0].applies-to: nøglen 'applies-to' må ikke være tom – forventet en tekst");
    }

    @Test
    void malformedCombinatorsAndAmounts() {
        assertProblem(BASE.replace("grant: {entitlement: SUPER}", "grant: {any-of: []}"),
                "test.yaml: systems[0].functions[2].grant.any-of: ugyldigt udtryk: any-of skal have mindst ét element");
        assertProblem(BASE.replace("grant: {entitlement: SUPER}", "grant: SUPER"),
                "test.yaml: systems[0].functions[2].grant: ugyldigt udtryk: forventet en mapping med any-of, all-of, "
                        + "not eller entitlement/entitlement_type, fandt teksten 'SUPER'");
        assertProblem(BASE.replace("grant: {entitlement: SUPER}", "grant: {entitlement: SUPER, if_amount_missing: true}"),
                "test.yaml: systems[0].functions[2].grant.if_amount_missing: if_amount_missing må kun bruges sammen "
                        + "med amount_limit");
    }

    @Test
    void aRuleWithoutFunctionsAndAnUnknownSupersededRule() {
        assertProblem(BASE.replace("all-of: [ns.posting, tag:privileged]", "supersedes: [nothing]"),
                "test.yaml: rules[0]: reglen 'post-and-super' nævner ingen funktioner (all-of/any-of) – forventet "
                        + "mindst én funktion");
        assertProblem(BASE.replace("all-of: [ns.posting, tag:privileged]",
                        "all-of: [ns.posting, tag:privileged]\n    supersedes: [nothing]"),
                "test.yaml: rules[0].supersedes: ukendt regel 'nothing' – forventet id'et på en regel i regelsættet");
    }

    @Test
    void unknownBase() {
        assertProblem("id: inst\nversion: '1'\nextends: nowhere\n",
                "test.yaml: extends: ukendt regelsæt 'nowhere' – intet regelsæt har det id");
    }
}

package dk.tilsyn.engine.rules;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An institution's layer on the shipped default rule set. */
class LayeringTest {

    private static RuleSet load(String yaml) {
        return RuleSetLoader.bundled().load(new RuleSetLoader.Source("inst.yaml", yaml));
    }

    private static Condition.Match firstNamed(RuleSet rules, String function) {
        return Conditions.matches(rules.function(function).orElseThrow().grant()).stream()
                .filter(m -> !m.entitlements().isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void extendsAListRenamesAnEntitlementAndSwitchesARuleOff() {
        RuleSet rules = load("""
                id: demostyrelsen
                version: "7"
                extends: oes-udbetalingsproces
                extend-entitlements:
                  - function: navision.posting
                    add: [NS_BOGHOLDER_UDVIDET, DEMO_BOGFØRING]
                rename-entitlements:
                  - system: indfak
                    from: Disponent Faktura
                    to: Disponent (faktura)
                disable-rules:
                  - rule: navision-super-own-user
                    reason: Vi hoster selv Navision Stat og er ikke serviceret af Statens Administration.
                """);
        assertThat(rules.id()).isEqualTo("demostyrelsen");
        assertThat(rules.version()).isEqualTo("7");
        assertThat(rules.layers()).containsExactly("oes-udbetalingsproces", "demostyrelsen");
        assertThat(firstNamed(rules, "navision.posting").entitlements())
                .containsExactly("NS_BOGHOLDER", "NS_BOGHOLDER_UDVIDET", "DEMO_BOGFØRING");
        assertThat(firstNamed(rules, "indfak.disposition").entitlements())
                .containsExactly("Disponent Ordre", "Disponent (faktura)");
        assertThat(rules.rule("navision-super-own-user")).isEmpty();
        assertThat(rules.disabled()).containsExactly(new DisabledRule("navision-super-own-user",
                "Vi hoster selv Navision Stat og er ikke serviceret af Statens Administration.", "demostyrelsen"));
        assertThat(rules.contentHash()).isNotEqualTo(RuleSetLoader.loadDefault().contentHash());
    }

    @Test
    void switchingARuleOffWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> load("""
                id: inst
                version: "1"
                extends: oes-udbetalingsproces
                disable-rules:
                  - rule: sole-mandate
                """)).hasMessageContaining("inst.yaml: disable-rules[0].reason: nøglen 'reason' mangler – en regel kan kun "
                        + "slås fra med en begrundelse");
        assertThatThrownBy(() -> load("""
                id: inst
                version: "1"
                extends: oes-udbetalingsproces
                disable-rules:
                  - {rule: sole-mandate, reason: "  "}
                """)).hasMessageContaining("disable-rules[0].reason: nøglen 'reason' må ikke være tom – forventet en tekst");
    }

    @Test
    void addsASystemFunctionsAndARuleWithoutCopyingTheBase() {
        RuleSet rules = load("""
                id: inst
                version: "1"
                extends: oes-udbetalingsproces
                systems:
                  - id: lonsystem
                    name: Statens Lønsystem
                    functions:
                      - id: payroll-approval
                        title: Godkender lønudbetaling
                        tags: [approving]
                        grant: {entitlement: LØN_GODKENDER}
                add-functions:
                  nemkonto:
                    - id: account-change
                      title: Anviser NemKonto
                      grant: {entitlement: Anvisning}
                rules:
                  - id: payroll-and-nemkonto
                    kind: sod-conflict
                    severity: medium
                    title: Lønudbetaling og NemKonto-anvisning
                    explanation: Samme person kan godkende løn og anvise kontoen.
                    source: lokal risikovurdering
                    all-of: [lonsystem.payroll-approval, nemkonto.account-change]
                """);
        assertThat(rules.rules()).hasSize(RuleSetLoader.loadDefault().rules().size() + 1);
        // the new approving function joins the tag:approving group of the base's rule
        assertThat(rules.rule("approval-and-privileged").orElseThrow().anyOf().getFirst())
                .contains("lonsystem.payroll-approval");
    }

    @Test
    void extendingAFunctionWithSeveralNamedMatchersNeedsLike() {
        String layer = """
                id: inst
                version: "1"
                extends: oes-udbetalingsproces
                extend-entitlements:
                  - function: rejsud.local-admin-prokura
                    add: [Lokal admin]
                """;
        RuleSet rules = load(layer);
        assertThat(firstNamed(rules, "rejsud.local-admin-prokura").entitlements())
                .containsExactly("Lokal systemadministrator", "Lokal admin");
        assertThatThrownBy(() -> load(layer.replace("add: [Lokal admin]", "add: [X]\n    like: Godkender")))
                .hasMessageContaining("extend-entitlements[0]: funktionen 'rejsud.local-admin-prokura' har ingen "
                        + "matcher, der nævner 'Godkender' – forventet i like et rettighedsnavn, funktionen har");
    }

    @Test
    void renamingAnUnknownEntitlementIsRefused() {
        assertThatThrownBy(() -> load("""
                id: inst
                version: "1"
                extends: oes-udbetalingsproces
                rename-entitlements:
                  - {system: navision, from: NS_KASSE, to: NS_KASSE2}
                """)).hasMessageContaining("rename-entitlements[0].from: ingen funktion i systemet 'navision' nævner "
                + "rettigheden 'NS_KASSE' – forventet et rettighedsnavn, som en funktion i systemet bruger i grant");
    }

    @Test
    void unknownReferencesInALayerNameTheValue() {
        assertThatThrownBy(() -> load("""
                id: inst
                version: "1"
                extends: oes-udbetalingsproces
                systems:
                  - {id: navision, name: Navision igen}
                extend-entitlements:
                  - {function: navision.bogføring, add: [X]}
                rename-entitlements:
                  - {system: nav, from: A, to: B}
                disable-rules:
                  - {rule: sole-mandat, reason: R}
                """)).hasMessageContaining("inst.yaml: systems[0].id: id'et 'navision' er allerede brugt af et andet "
                        + "system – hvert id må kun bruges én gang")
                .hasMessageContaining("inst.yaml: extend-entitlements[0].function: ukendt funktion "
                        + "'navision.bogføring' – forventet en funktion defineret i regelsættet (system.funktion)")
                .hasMessageContaining("inst.yaml: rename-entitlements[0].system: ukendt system 'nav' – forventet "
                        + "id'et på et system defineret under systems")
                .hasMessageContaining("inst.yaml: disable-rules[0].rule: ukendt regel 'sole-mandat' – forventet "
                        + "id'et på en regel i regelsættet");
    }

    @Test
    void circularExtendsIsRefused() {
        assertThatThrownBy(() -> new RuleSetLoader(id -> Optional.of(new RuleSetLoader.Source(id + ".yaml",
                "id: " + id + "\nversion: '1'\nextends: " + (id.equals("a") ? "b" : "a") + "\n")))
                .load(new RuleSetLoader.Source("a.yaml", "id: a\nversion: '1'\nextends: b\n")))
                .hasMessageContaining("b.yaml: extends: cirkulær extends: a → b → a – et regelsæt må ikke bygge på "
                        + "sig selv");
    }
}

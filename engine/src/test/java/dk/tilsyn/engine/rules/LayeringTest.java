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
                """)).hasMessageContaining("inst.yaml: disable-rules[0].reason: missing: switching a rule off needs a reason");
        assertThatThrownBy(() -> load("""
                id: inst
                version: "1"
                extends: oes-udbetalingsproces
                disable-rules:
                  - {rule: sole-mandate, reason: "  "}
                """)).hasMessageContaining("disable-rules[0].reason: must not be empty");
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
                .hasMessageContaining("extend-entitlements[0]: function 'rejsud.local-admin-prokura' has no matcher naming 'Godkender'");
    }

    @Test
    void renamingAnUnknownEntitlementIsRefused() {
        assertThatThrownBy(() -> load("""
                id: inst
                version: "1"
                extends: oes-udbetalingsproces
                rename-entitlements:
                  - {system: navision, from: NS_KASSE, to: NS_KASSE2}
                """)).hasMessageContaining("rename-entitlements[0].from: no function of system 'navision' names entitlement 'NS_KASSE'");
    }

    @Test
    void circularExtendsIsRefused() {
        assertThatThrownBy(() -> new RuleSetLoader(id -> Optional.of(new RuleSetLoader.Source(id + ".yaml",
                "id: " + id + "\nversion: '1'\nextends: " + (id.equals("a") ? "b" : "a") + "\n")))
                .load(new RuleSetLoader.Source("a.yaml", "id: a\nversion: '1'\nextends: b\n")))
                .hasMessageContaining("circular extends");
    }
}

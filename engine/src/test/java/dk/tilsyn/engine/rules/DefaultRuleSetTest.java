package dk.tilsyn.engine.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultRuleSetTest {

    @Test
    void loadsWithEveryRuleNamingItsSource() {
        RuleSet rules = RuleSetLoader.loadDefault();
        assertThat(rules.id()).isEqualTo("oes-udbetalingsproces");
        assertThat(rules.version()).isEqualTo("1.0.0");
        assertThat(rules.contentHash()).hasSize(64);
        assertThat(rules.rules()).extracting(Rule::id).containsExactly("derived-approval-and-navision",
                "derived-approval-and-bank", "approval-and-privileged", "accounting-and-privileged",
                "setup-and-transaction-same-system", "local-admin-with-prokura", "agreement-admin-with-sole-mandate",
                "sole-mandate", "navision-super-own-user", "global-admin-own-user", "privileged-user");
        assertThat(rules.rules()).allSatisfy(r -> assertThat(r.source()).matches(".*§.*"));
        assertThat(rules.systems()).extracting(SystemDef::id)
                .containsExactly("rejsud", "indfak", "navision", "district", "nemkonto", "sap");
    }

    @Test
    void tagsExpandToTheTaggedFunctions() {
        Rule rule = RuleSetLoader.loadDefault().rule("approval-and-privileged").orElseThrow();
        assertThat(rule.anyOf().get(0)).containsExactly("district.joint-approval", "district.sole-approval",
                "indfak.disposition", "navision.final-approval", "navision.first-approval", "rejsud.approval");
        assertThat(rule.anyOf().get(1)).containsExactly("district.agreement-admin", "indfak.global-admin",
                "indfak.local-admin", "navision.super", "navision.super-data", "rejsud.global-admin",
                "rejsud.local-admin");
    }

    @Test
    void privilegedFunctionsAreExactlyThoseOfTables1To3() {
        assertThat(RuleSetLoader.loadDefault().functions().stream().filter(FunctionDef::privileged)
                .map(FunctionDef::qualifiedId)).containsExactly("rejsud.local-admin", "rejsud.global-admin",
                "indfak.local-admin", "indfak.global-admin", "navision.super", "navision.super-data",
                "district.agreement-admin");
    }
}

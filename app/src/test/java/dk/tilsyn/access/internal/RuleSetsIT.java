package dk.tilsyn.access.internal;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.ResponseText;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule set in the web app, on H2 and PostgreSQL: readable tables, the institution's layer checked with its
 * impact on the latest run before saving, versions, and runs that use and name the saved layer.
 */
@TilsynIntegrationTest
class RuleSetsIT {

    private static final String DISABLING_LAYER = """
            id: demostyrelsen
            version: "2"
            title: Demostyrelsens lokale tilpasninger
            extends: oes-udbetalingsproces
            disable-rules:
              - rule: derived-approval-and-navision
                reason: Bogføring i Navision Stat kontrolleres af Statens Administration (opgavesplit).
            """;

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunService runService;

    Institution institution;
    WebClient coordinator;
    DemoRuns demo;

    @BeforeEach
    void demoDataAndARun() throws Exception {
        institution = testUsers.institution("rulesets");
        TestUsers.TestUser user = testUsers.user(institution, Role.CONTROLLER, Role.SECURITY_COORDINATOR);
        coordinator = new WebClient(port);
        coordinator.login(user.username(), user.password());
        demo = new DemoRuns(coordinator, jdbc, institution, runService);
        demo.importPersonsAndUnits();
        demo.uploadAll();
    }

    @Test
    void theDefaultRuleSetReadsAsTablesOfFunctionsAndRulesWithTheirSources() {
        String page = ResponseText.unescapeHtml(coordinator.get("/regelsaet?standard=true").body());

        assertThat(page).contains("oes-udbetalingsproces", "Funktioner pr. system")
                .contains("Godkender", "Prokura", "derived-approval-and-navision", "004 ");
    }

    @Test
    void aLayerIsCheckedShownWithItsImpactSavedAsAVersionAndUsedByTheNextRun() throws Exception {
        long first = demo.run();

        String refused = ResponseText.unescapeHtml(preview(DISABLING_LAYER.replaceAll("(?m)^\\s*reason:.*\\n", "")).body());
        assertThat(refused).contains("Laget er ikke gemt: 1 fejl", "disable-rules[0].reason");

        String preview = ResponseText.unescapeHtml(preview(DISABLING_LAYER).body());
        assertThat(preview).contains("Laget er gyldigt", "Med dette lag ville analyse " + first + " have 0 nye fund og miste 2")
                .contains("P0012", "P0017");
        assertThat(jdbc.sql("select count(*) from rule_set_layer where institution_id = ?").param(institution.id())
                .query(Long.class).single()).as("a preview saves nothing").isZero();

        HttpResponse<String> saved = coordinator.postForm("/regelsaet/lag", List.of(
                Map.entry("_csrf", coordinator.csrfTokenFrom("/regelsaet/lag")), Map.entry("yaml", DISABLING_LAYER),
                Map.entry("comment", "Opgavesplit med Statens Administration")));
        assertThat(ResponseText.unescapeHtml(coordinator.follow(saved).body())).contains("Laget er gemt som en ny version")
                .contains("version 1");

        long second = demo.run();
        Map<String, Object> run = jdbc.sql("select rule_set_id, rule_set_version, rule_layer_version from analysis_run where id = ?")
                .param(second).query().singleRow();
        assertThat(run).containsEntry("rule_set_id", "demostyrelsen").containsEntry("rule_set_version", "2")
                .containsEntry("rule_layer_version", 1);
        assertThat(jdbc.sql("select count(*) from finding where run_id = ? and rule = 'derived-approval-and-navision'")
                .param(second).query(Long.class).single()).isZero();
        assertThat(ResponseText.unescapeHtml(coordinator.get("/analyser/" + second).body())).contains("Institutionens lag, version 1");
        long layer = jdbc.sql("select id from rule_set_layer where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        assertThat(ResponseText.unescapeHtml(coordinator.get("/regelsaet/versioner/" + layer).body())).contains("derived-approval-and-navision",
                "Opgavesplit med Statens Administration");
        assertThat(jdbc.sql("select count(*) from audit_entry where institution_id = ? and entity_type = 'rule-set-layer'")
                .param(institution.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheSecurityCoordinatorEditsTheLayer() {
        TestUsers.TestUser controller = testUsers.user(institution, Role.CONTROLLER);
        WebClient other = new WebClient(port);
        other.login(controller.username(), controller.password());

        assertThat(other.get("/regelsaet").statusCode()).isEqualTo(200);
        assertThat(other.get("/regelsaet/lag").statusCode()).isEqualTo(403);
        assertThat(other.postForm("/regelsaet/lag", List.of(Map.entry("_csrf", other.csrfTokenFrom("/regelsaet")),
                Map.entry("yaml", DISABLING_LAYER))).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from rule_set_layer where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
    }

    private HttpResponse<String> preview(String yaml) {
        return coordinator.postForm("/regelsaet/lag/forhaandsvisning", List.of(
                Map.entry("_csrf", coordinator.csrfTokenFrom("/regelsaet/lag")), Map.entry("yaml", yaml)));
    }
}

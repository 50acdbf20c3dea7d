package dk.tilsyn.access.internal;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.TenantContext;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule set in the web app, on H2 and PostgreSQL: readable tables, the institution's layer checked at once and its
 * impact on the latest run computed in the background before saving, versions, and runs that use and name the saved
 * layer.
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
    private static final String UNCHANGED_LAYER = """
            id: demostyrelsen
            version: "3"
            title: Demostyrelsens lag uden lokale ændringer
            extends: oes-udbetalingsproces
            """;

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunService runService;
    @Autowired
    RuleSetPreviews previews;
    @Autowired
    RuleSetPreviewRepository previewRepository;

    Institution institution;
    TestUsers.TestUser user;
    WebClient coordinator;
    DemoRuns demo;

    @BeforeEach
    void demoDataAndARun() throws Exception {
        institution = testUsers.institution("rulesets");
        user = testUsers.user(institution, Role.CONTROLLER, Role.SECURITY_COORDINATOR);
        coordinator = WebClient.signedIn(port, user);
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

        String preview = previewed(DISABLING_LAYER);
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
    void theImpactIsComputedInTheBackgroundWhileThePageShowsItUnderWay() throws Exception {
        long run = demo.run();
        String path;
        previews.places.acquire(); // every place taken: the draft has to wait in line, visibly
        try {
            path = previewPath(preview(DISABLING_LAYER));
            String page = ResponseText.unescapeHtml(coordinator.get(path).body());
            String poll = ResponseText.of(coordinator.getBytes(path, Map.of("HX-Request", "true")).body());

            assertThat(page).contains("Laget er gyldigt", "Virkningen på analyse " + run + " beregnes", "I kø",
                            "Du kan bruge Tilsyn imens", "aria-live=\"polite\"", "hx-trigger=\"every 2s\"")
                    .as("nothing of the impact yet, and nothing to save").doesNotContain("Med dette lag", "Gem som ny version");
            assertThat(poll).contains("id=\"ruleset-preview\"", "hx-trigger=\"every 2s\"").doesNotContain("<nav");
            assertThat(jdbc.sql("select status, draft_sha256, run_id from rule_set_preview where id = ?")
                    .param(previewId(path)).query().singleRow()).containsEntry("status", "QUEUED")
                    .containsEntry("draft_sha256", RuleSetPreviews.sha256(DISABLING_LAYER));
        } finally {
            previews.places.release();
        }
        previews.completion(previewId(path)).get(120, TimeUnit.SECONDS);

        String done = ResponseText.unescapeHtml(coordinator.get(path).body());
        String poll = ResponseText.unescapeHtml(ResponseText.of(coordinator.getBytes(path, Map.of("HX-Request", "true")).body()));
        assertThat(done).contains("Med dette lag ville analyse " + run + " have 0 nye fund og miste 2", "Gem som ny version",
                "name=\"draft\"").doesNotContain("every 2s", "I kø");
        assertThat(poll).contains("P0012", "P0017", "Gem som ny version").doesNotContain("every 2s", "<nav");
        assertThat(jdbc.sql("select count(*) from rule_set_layer where institution_id = ?").param(institution.id())
                .query(Long.class).single()).as("a preview saves nothing").isZero();
    }

    @Test
    void aChangedDraftNeverShowsTheOldPreviewAndOnlyThePreviewedTextIsSaved() throws Exception {
        long run = demo.run();
        String first = previewPath(preview(DISABLING_LAYER));
        previews.completion(previewId(first)).get(120, TimeUnit.SECONDS);
        String second = previewPath(preview(UNCHANGED_LAYER));
        previews.completion(previewId(second)).get(120, TimeUnit.SECONDS);

        assertThat(ResponseText.unescapeHtml(coordinator.get(first).body()))
                .contains("Et nyere udkast er kontrolleret siden", "Se det nyeste udkast")
                .doesNotContain("Med dette lag", "P0012", "Gem som ny version");
        assertThat(ResponseText.unescapeHtml(coordinator.get(second).body()))
                .contains("Med dette lag ville analyse " + run + " have 0 nye fund og miste 0").doesNotContain("P0012");
        assertThat(previewPath(preview(UNCHANGED_LAYER))).as("the same draft on the same run: nothing computed anew")
                .isEqualTo(second);

        HttpResponse<String> edited = save(DISABLING_LAYER, RuleSetPreviews.sha256(UNCHANGED_LAYER));
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(ResponseText.unescapeHtml(edited.body())).contains("Udkastet er ændret, efter at virkningen blev vist");
        assertThat(jdbc.sql("select count(*) from rule_set_layer where institution_id = ?").param(institution.id())
                .query(Long.class).single()).as("a text other than the previewed one is not saved").isZero();
        assertThat(WebClient.locationPath(save(UNCHANGED_LAYER, RuleSetPreviews.sha256(UNCHANGED_LAYER)))).isEqualTo("/regelsaet");
        assertThat(jdbc.sql("select yaml from rule_set_layer where institution_id = ?").param(institution.id())
                .query(String.class).single()).isEqualTo(UNCHANGED_LAYER);

        long newer = demo.run();
        assertThat(ResponseText.unescapeHtml(coordinator.get(second).body()))
                .contains("Analyse " + newer + " er blevet færdig, efter at virkningen blev beregnet på analyse " + run);
        String third = previewPath(preview(UNCHANGED_LAYER));
        assertThat(third).as("the same draft on a newer run is computed again").isNotEqualTo(second);
        previews.completion(previewId(third)).get(120, TimeUnit.SECONDS);
        assertThat(ResponseText.unescapeHtml(coordinator.get(third).body()))
                .contains("Med dette lag ville analyse " + newer + " have 0 nye fund og miste 0");
    }

    @Test
    void aPreviewWhoseInstanceStoppedShowsAsInterruptedAndCanBeCheckedAgain() throws Exception {
        long run = demo.run();
        long id = TenantContext.runAs(institution.id(), () -> {
            long preview = previewRepository.insertCurrent(new RuleSetPreviewRepository.Draft(DISABLING_LAYER,
                    RuleSetPreviews.sha256(DISABLING_LAYER), null, "demostyrelsen", "2", 1, 1), run, user.id());
            previewRepository.step(preview, "ANALYSING");
            return preview;
        });
        String path = "/regelsaet/lag/forhaandsvisninger/" + id;

        assertThat(ResponseText.unescapeHtml(coordinator.get(path).body())).contains("Trin 2 af 3: analyserer med udkastet",
                "hx-trigger=\"every 2s\"");

        jdbc.sql("update rule_set_preview set heartbeat_at = ? where id = ?").params(OffsetDateTime.now().minusHours(1), id)
                .update();

        assertThat(ResponseText.unescapeHtml(coordinator.get(path).body())).contains("Beregningen blev afbrudt")
                .doesNotContain("every 2s", "Gem som ny version");
        assertThat(previews.interruptStale(OffsetDateTime.now().minusMinutes(5))).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select status from rule_set_preview where id = ?").param(id).query(String.class).single())
                .isEqualTo("INTERRUPTED");
        assertThat(ResponseText.unescapeHtml(coordinator.get(path).body())).contains("Beregningen blev afbrudt")
                .doesNotContain("every 2s");

        String again = previewPath(preview(DISABLING_LAYER));
        assertThat(again).as("an interrupted preview is computed anew").isNotEqualTo(path);
        previews.completion(previewId(again)).get(120, TimeUnit.SECONDS);
        assertThat(ResponseText.unescapeHtml(coordinator.get(again).body()))
                .contains("Med dette lag ville analyse " + run + " have 0 nye fund og miste 2");
    }

    @Test
    void anotherInstitutionsPreviewIsNotFound() throws Exception {
        demo.run();
        String path = previewPath(preview(DISABLING_LAYER));
        previews.completion(previewId(path)).get(120, TimeUnit.SECONDS);
        Institution otherInstitution = testUsers.institution("rulesets-other");
        TestUsers.TestUser stranger = testUsers.user(otherInstitution, Role.SECURITY_COORDINATOR);
        WebClient other = WebClient.signedIn(port, stranger);

        assertThat(other.get(path).statusCode()).isEqualTo(404);
        assertThat(other.getBytes(path, Map.of("HX-Request", "true")).statusCode()).isEqualTo(404);
        assertThat(ResponseText.unescapeHtml(other.get("/regelsaet/lag").body())).doesNotContain("forhåndsvisningen");
    }

    @Test
    void onlyTheSecurityCoordinatorEditsTheLayer() {
        TestUsers.TestUser controller = testUsers.user(institution, Role.CONTROLLER);
        WebClient other = WebClient.signedIn(port, controller);

        assertThat(other.get("/regelsaet").statusCode()).isEqualTo(200);
        assertThat(other.get("/regelsaet/lag").statusCode()).isEqualTo(403);
        assertThat(other.get("/regelsaet/lag/forhaandsvisninger/1").statusCode()).isEqualTo(403);
        assertThat(other.postForm("/regelsaet/lag/forhaandsvisning", List.of(Map.entry("_csrf", other.csrfTokenFrom("/regelsaet")),
                Map.entry("yaml", DISABLING_LAYER))).statusCode()).isEqualTo(403);
        assertThat(other.postForm("/regelsaet/lag", List.of(Map.entry("_csrf", other.csrfTokenFrom("/regelsaet")),
                Map.entry("yaml", DISABLING_LAYER))).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from rule_set_layer where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
    }

    /** Submits the draft, waits for its impact, computed in the background, and reads its preview page. */
    private String previewed(String yaml) throws Exception {
        String path = previewPath(preview(yaml));
        previews.completion(previewId(path)).get(120, TimeUnit.SECONDS);
        return ResponseText.unescapeHtml(coordinator.get(path).body());
    }

    /** A valid draft is sent on to its preview at once; the answer does not wait for the impact. */
    private static String previewPath(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("a valid draft is sent on to its preview").isEqualTo(302);
        String path = WebClient.locationPath(answer);
        assertThat(path).matches("/regelsaet/lag/forhaandsvisninger/\\d+");
        return path;
    }

    private static long previewId(String path) {
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private HttpResponse<String> save(String yaml, String draft) {
        return coordinator.postForm("/regelsaet/lag", List.of(Map.entry("_csrf", coordinator.csrfTokenFrom("/regelsaet/lag")),
                Map.entry("yaml", yaml), Map.entry("draft", draft)));
    }

    private HttpResponse<String> preview(String yaml) {
        return coordinator.postForm("/regelsaet/lag/forhaandsvisning", List.of(
                Map.entry("_csrf", coordinator.csrfTokenFrom("/regelsaet/lag")), Map.entry("yaml", yaml)));
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.analysis.ProposedAssignment;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.pipeline.AnalysisRequest;
import dk.tilsyn.engine.pipeline.SystemFile;
import dk.tilsyn.engine.pipeline.WhatIfIndex;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.ResponseText;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preventive-check API over HTTP on the demo data, on H2 and PostgreSQL: a token issued on the administration
 * page, the answer compared with the engine's own what-if, look-alikes that add nothing, the token's lifecycle
 * (revoked, expired, unknown, missing, a session instead of a token), two institutions kept apart, and bad bodies
 * answered in Danish naming the field.
 */
@TilsynIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreventiveCheckIT {

    /** Niels Olsen (P0043): disponent with prokura in IndFak, approver in RejsUd, no Navision Stat account. */
    private static final String DISPONENT = "P0043";
    /** Åse Jensen (P0004): only a traveller in RejsUd. */
    private static final String TRAVELLER = "P0004";
    private static final String BOOKKEEPING = PreventiveCheckClient.grant(DISPONENT, "navision", "NS_BOGHOLDER", "rights_set");

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunService runService;

    Institution a;
    WebClient adminA;
    long runA;
    String tokenA;
    PreventiveCheckClient api;

    @BeforeAll
    void institutionAWithTheDemoDataAnalysedAndAToken() throws Exception {
        api = new PreventiveCheckClient(port);
        a = testUsers.institution("api-a");
        adminA = signedIn(testUsers.user(a, Role.ADMINISTRATOR, Role.CONTROLLER, Role.SECURITY_COORDINATOR));
        DemoRuns demo = new DemoRuns(adminA, jdbc, a, runService);
        demo.importPersonsAndUnits();
        demo.uploadAll();
        runA = demo.run();
        tokenA = PreventiveCheckClient.issueToken(adminA, "OS2IGA test");
    }

    @Test
    void aGrantThatCompletesAConflictIsAnsweredWithExactlyWhatTheEngineSays() {
        PreventiveCheckClient.Answer answer = api.check(tokenA, BOOKKEEPING);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode json = answer.json();
        assertThat(json.get("snapshot").get("runId").asLong()).isEqualTo(runA);
        assertThat(json.get("snapshot").get("asOf").asString()).isEqualTo("2026-10-31");
        assertThat(json.get("snapshot").get("ruleSet").asString()).isEqualTo("oes-udbetalingsproces");
        assertThat(json.get("grant").get("account").asString()).isEqualTo(PreventiveCheckService.NEW_ACCOUNT);
        assertThat(json.get("grant").get("newAccount").asBoolean()).isTrue();
        assertThat(json.get("notices")).isEmpty();
        List<String> rules = new ArrayList<>();
        json.get("findings").forEach(f -> rules.add(f.get("rule").asString()));
        assertThat(rules).contains("derived-approval-and-navision");

        // The engine on the demo files, asked directly, gives the same findings field for field.
        List<Finding> expected = demoIndex().whatIf(demoIndex().person(DISPONENT).orElseThrow(), new ProposedAssignment(
                "navision", PreventiveCheckService.NEW_ACCOUNT, "NS_BOGHOLDER", EntitlementType.RIGHTS_SET, null));
        assertThat(json.get("findings")).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Finding finding = expected.get(i);
            JsonNode actual = json.get("findings").get(i);
            assertThat(actual.get("rule").asString()).isEqualTo(finding.rule());
            assertThat(actual.get("kind").asString()).isEqualTo(finding.kind().code());
            assertThat(actual.get("severity").asString()).isEqualTo(finding.severity().code());
            assertThat(actual.get("explanation").asString()).isEqualTo(finding.explanation());
            List<String> systems = new ArrayList<>();
            actual.get("systems").forEach(s -> systems.add(s.asString()));
            assertThat(systems).isEqualTo(finding.systems());
            List<String> accounts = new ArrayList<>();
            actual.get("accounts").forEach(s -> accounts.add(s.get("system").asString() + "/" + s.get("account").asString()));
            assertThat(accounts).isEqualTo(finding.accounts().stream().map(r -> r.system() + "/" + r.account()).toList());
        }
        // What is sent is what the OpenAPI description documents, field for field.
        JsonNode schemas = openApiSchemas();
        assertThat(json.propertyNames()).containsExactlyElementsOf(schemas.get("PreventiveCheckAnswer").get("properties").propertyNames());
        assertThat(json.get("snapshot").propertyNames()).containsExactlyElementsOf(schemas.get("Snapshot").get("properties").propertyNames());
        assertThat(json.get("grant").propertyNames()).containsExactlyElementsOf(schemas.get("Grant").get("properties").propertyNames());
        assertThat(json.get("findings").get(0).propertyNames()).containsExactlyElementsOf(schemas.get("Finding").get("properties").propertyNames());
        assertThat(json.get("findings").get(0).get("accounts").get(0).propertyNames())
                .containsExactlyElementsOf(schemas.get("Account").get("properties").propertyNames());

        JsonNode conflict = json.get("findings").get(rules.indexOf("derived-approval-and-navision"));
        assertThat(conflict.get("kind").asString()).isEqualTo("sod-conflict");
        assertThat(conflict.get("severity").asString()).isEqualTo("high");
        assertThat(conflict.get("title").asString()).contains("Navision Stat");
    }

    @Test
    void lookAlikesAddNothing() {
        PreventiveCheckClient.Answer misspelt = api.check(tokenA,
                PreventiveCheckClient.grant(DISPONENT, "navision", "NS_BOGHOLDER_LÆS", "rights_set"));
        assertThat(misspelt.status()).as(misspelt.raw()).isEqualTo(200);
        assertThat(misspelt.json().get("findings")).isEmpty();
        assertThat(misspelt.json().get("notices").get(0).asString())
                .contains("NS_BOGHOLDER_LÆS", "indgår ikke i nogen funktion");

        PreventiveCheckClient.Answer harmless = api.check(tokenA,
                PreventiveCheckClient.grant(TRAVELLER, "navision", "NS_BOGHOLDER", "rights_set"));
        assertThat(harmless.status()).as(harmless.raw()).isEqualTo(200);
        assertThat(harmless.json().get("findings")).isEmpty();
        assertThat(harmless.json().get("notices")).isEmpty();

        // Julie Holm (P0012) books in Navision Stat already: her conflict exists today, the grant adds nothing new.
        PreventiveCheckClient.Answer existing = api.check(tokenA,
                PreventiveCheckClient.grant("P0012", "navision", "NS_BOGHOLDER", "rights_set"));
        assertThat(existing.json().get("grant").get("account").asString()).isEqualTo("juho");
        assertThat(existing.json().get("grant").get("newAccount").asBoolean()).isFalse();
        assertThat(existing.json().get("findings")).isEmpty();
    }

    @Test
    void aRevokedAnExpiredAnUnknownOrAMissingTokenIsRefusedWithADanishReason() {
        String token = PreventiveCheckClient.issueToken(adminA, "Rettighedsblanket");
        assertThat(api.check(token, BOOKKEEPING).status()).isEqualTo(200);
        long tokenId = jdbc.sql("select id from api_token where institution_id = ? and name = 'Rettighedsblanket'")
                .param(a.id()).query(Long.class).single();
        String page = ResponseText.unescapeHtml(adminA.get("/administration/api-noegler").body());
        assertThat(page).contains("Rettighedsblanket", token.substring(0, 12)).doesNotContain(token);

        HttpResponse<String> revoked = adminA.submit("/administration/api-noegler",
                "/administration/api-noegler/" + tokenId + "/tilbagekald", Map.of());
        assertThat(ResponseText.unescapeHtml(adminA.follow(revoked).body())).contains("API-nøglen er tilbagekaldt");
        PreventiveCheckClient.Answer refused = api.check(token, BOOKKEEPING);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.detail()).contains("API-nøglen blev tilbagekaldt");
        assertThat(refused.raw()).doesNotContain("P0043", "derived-approval");

        String expiring = PreventiveCheckClient.issueToken(adminA, "Udløber");
        jdbc.sql("update api_token set expires_on = ? where institution_id = ? and name = 'Udløber'")
                .params(LocalDate.now().minusDays(1), a.id()).update();
        assertThat(api.check(expiring, BOOKKEEPING).detail()).contains("API-nøglen udløb");

        PreventiveCheckClient.Answer unknown = api.check(tokenA.substring(0, tokenA.length() - 1) + "x", BOOKKEEPING);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.detail()).contains("API-nøglen er ukendt");
        PreventiveCheckClient.Answer missing = api.check(null, BOOKKEEPING);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.detail()).contains("mangler en API-nøgle");
        assertThat(api.check(null, BOOKKEEPING).raw()).doesNotContain("P0043");
        // Problem documents carry only the documented fields.
        assertThat(missing.json().propertyNames()).isSubsetOf(openApiSchemas().get("Problem").get("properties").propertyNames());

        // A signed-in administrator's session is no token: the API neither reads nor accepts it.
        HttpResponse<String> session = adminA.post(PreventiveCheckClient.CHECK, Map.of("person", DISPONENT));
        assertThat(session.statusCode()).isEqualTo(401);

        assertThat(jdbc.sql("""
                        select count(*) from audit_entry where institution_id = ? and entity_type = 'api-token'
                        and action = 'LOGIN_FAILED' and entity_id = ?""").params(a.id(), Long.toString(tokenId))
                .query(Long.class).single()).as("the revoked token's refusal, audited").isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from audit_entry where institution_id = ? and entity_type = 'api-token'
                        and action = 'UPDATE' and entity_id = ? and after_json like '%revoked%'""")
                .params(a.id(), Long.toString(tokenId)).query(Long.class).single()).as("the revocation, audited").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where institution_id = ? and entity_type = 'api-token' "
                + "and action = 'CREATE'").param(a.id()).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from api_token where id = ? and last_used_at is not null").param(tokenId)
                .query(Long.class).single()).as("last used").isEqualTo(1);
        assertThat(jdbc.sql("select token_hash from api_token where id = ?").param(tokenId).query(String.class).single())
                .as("only a hash is stored").hasSize(64).doesNotContain(token.substring(4, 12));
    }

    @Test
    void aTokenOfInstitutionBSeesOnlyB() throws Exception {
        Institution b = testUsers.institution("api-b");
        WebClient adminB = signedIn(testUsers.user(b, Role.ADMINISTRATOR, Role.CONTROLLER, Role.SECURITY_COORDINATOR));
        String tokenB = PreventiveCheckClient.issueToken(adminB, "B's IGA");

        PreventiveCheckClient.Answer beforeAnyRun = api.check(tokenB, BOOKKEEPING);
        assertThat(beforeAnyRun.status()).as("B has no run; A's is not B's").isEqualTo(409);
        assertThat(beforeAnyRun.detail()).contains("ingen færdig analyse");

        // B's own data: the same HR persons, but only NemKonto's extract; P0043 approves nothing in B.
        DemoRuns demoB = new DemoRuns(adminB, jdbc, b, runService);
        demoB.importPersonsAndUnits();
        String systemPath = WebClient.locationPath(adminB.submit("/systemer", "/systemer",
                Map.of("key", "nemkonto", "name", "NemKonto", "profile", "")));
        String extracts = systemPath + "/udtraek";
        HttpResponse<String> uploaded = adminB.postMultipart(extracts,
                List.of(Map.entry("_csrf", adminB.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", "2026-10-31")),
                new WebClient.FilePart("file", "nemkonto.csv", "text/csv",
                        Files.readAllBytes(DemoRuns.DEMO.resolve("extracts").resolve("nemkonto.csv"))));
        assertThat(uploaded.statusCode()).isEqualTo(200);
        long evidence = jdbc.sql("select max(id) from evidence_file where institution_id = ?").param(b.id())
                .query(Long.class).single();
        adminB.submit(extracts + "/" + evidence, extracts + "/" + evidence + "/godkend", Map.of());
        long runB = demoB.run();

        PreventiveCheckClient.Answer inB = api.check(tokenB, BOOKKEEPING);
        assertThat(inB.status()).as(inB.raw()).isEqualTo(200);
        assertThat(inB.json().get("snapshot").get("runId").asLong()).isEqualTo(runB);
        assertThat(inB.json().get("findings")).as("B's P0043 holds nothing that conflicts").isEmpty();
        assertThat(inB.raw()).doesNotContain("niol", "Niels Olsen");

        PreventiveCheckClient.Answer inA = api.check(tokenA, BOOKKEEPING);
        assertThat(inA.json().get("snapshot").get("runId").asLong()).isEqualTo(runA);
        assertThat(inA.json().get("findings")).isNotEmpty();

        // B's administrator cannot revoke (or learn of) A's token.
        long tokenIdA = jdbc.sql("select id from api_token where institution_id = ? and name = 'OS2IGA test'")
                .param(a.id()).query(Long.class).single();
        HttpResponse<String> revokeA = adminB.post("/administration/api-noegler/" + tokenIdA + "/tilbagekald",
                Map.of("_csrf", adminB.csrfTokenFrom("/administration/api-noegler")));
        assertThat(revokeA.statusCode()).isEqualTo(404);
        assertThat(adminB.get("/administration/api-noegler").body()).doesNotContain("OS2IGA test");
        assertThat(api.check(tokenA, BOOKKEEPING).status()).isEqualTo(200);
    }

    @Test
    void badBodiesAreAnsweredInDanishNamingTheField() {
        PreventiveCheckClient.Answer syntax = api.check(tokenA, "{\"person\": \"P0043\", \"system\": navision}");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.contentType()).startsWith("application/problem+json");
        assertThat(syntax.detail()).startsWith("Kroppen er ikke gyldig JSON (linje 1, kolonne");

        assertBad("{\"person\": 43, \"system\": \"navision\", \"entitlement\": \"NS_BOGHOLDER\"}", "person",
                "Feltet \"person\" skal være en tekst i anførselstegn");
        assertBad("{\"person\": \"P0043\", \"system\": \"navision\"}", "entitlement", "Feltet \"entitlement\" mangler");
        assertBad("{\"person\": \"P0043\", \"system\": \"navision\", \"entitelment\": \"NS_BOGHOLDER\"}", "entitelment",
                "Feltet \"entitelment\" kendes ikke. Tilladte felter: person, system, entitlement");
        assertBad("{\"person\": \"P0043\", \"system\": \"navision\", \"entitlement\": \"X\", \"amount\": \"mange\"}",
                "amount", "Feltet \"amount\" skal være et tal");
        assertBad("{\"person\": \"P0043\", \"system\": \"navision\", \"entitlement\": \"X\", \"entitlementType\": \"rolle\"}",
                "entitlementType", "Forventet: role, rights_set, prokura, mandate eller other");
        assertBad("[\"P0043\"]", null, "Kroppen skal være et JSON-objekt");
        assertBad("", null, "Forespørgslen har ingen krop");

        PreventiveCheckClient.Answer unknownPerson = api.check(tokenA,
                PreventiveCheckClient.grant("P9999", "navision", "NS_BOGHOLDER", "rights_set"));
        assertThat(unknownPerson.status()).isEqualTo(404);
        assertThat(unknownPerson.field()).isEqualTo("person");
        assertThat(unknownPerson.detail()).contains("Personen \"P9999\" findes ikke i personregistret i analyse " + runA);

        PreventiveCheckClient.Answer english = api.check(tokenA, "{\"person\": \"P0043\"}", Map.of("Accept-Language", "en"));
        assertThat(english.detail()).isEqualTo("The field \"system\" is missing. Expected: a text, e.g. \"navision\".");
    }

    @Test
    void onlyAnAdministratorManagesTokens() {
        WebClient controller = signedIn(testUsers.user(a, Role.CONTROLLER, Role.SECURITY_COORDINATOR));
        assertThat(controller.get("/administration/api-noegler").statusCode()).isEqualTo(403);
        HttpResponse<String> issue = controller.post("/administration/api-noegler",
                Map.of("_csrf", controller.csrfTokenFrom("/analyser"), "name", "Ikke min"));
        assertThat(issue.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from api_token where name = 'Ikke min'").query(Long.class).single()).isZero();
    }

    private void assertBad(String body, String field, String detail) {
        PreventiveCheckClient.Answer answer = api.check(tokenA, body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.field()).as(body).isEqualTo(field);
        assertThat(answer.detail()).as(body).contains(detail);
    }

    private WebClient signedIn(TestUsers.TestUser user) {
        WebClient client = WebClient.signedIn(port, user);
        return client;
    }

    private static JsonNode openApiSchemas() {
        try (var in = PreventiveCheckIT.class.getResourceAsStream("/api/openapi.yaml")) {
            return tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(in).get("components").get("schemas");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WhatIfIndex demoIndex;

    private static WhatIfIndex demoIndex() {
        if (demoIndex == null) {
            Path demo = DemoRuns.DEMO;
            demoIndex = WhatIfIndex.load(new AnalysisRequest(demo.resolve("persons.csv"),
                    DemoRuns.SYSTEMS.stream().map(s -> new SystemFile(s, demo.resolve("extracts").resolve(s + ".csv"))).toList(),
                    List.of(), List.of(), List.of(), null, Map.of(), null, Set.of(), LocalDate.of(2026, 10, 31)));
        }
        return demoIndex;
    }
}

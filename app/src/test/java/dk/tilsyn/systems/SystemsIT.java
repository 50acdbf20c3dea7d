package dk.tilsyn.systems;

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

/** The register of systems in scope, over real HTTP, on H2 and PostgreSQL. */
@TilsynIntegrationTest
class SystemsIT {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;

    Institution institution;
    WebClient controller;

    @BeforeEach
    void signInAsControllerOfAFreshInstitution() {
        institution = testUsers.institution("systems");
        TestUsers.TestUser user = testUsers.user(institution, Role.CONTROLLER);
        controller = WebClient.signedIn(port, user);
    }

    @Test
    void aControllerAddsASystemAndTheAdditionIsAudited() {
        HttpResponse<String> answer = add("navision", "Navision Stat", "navision-brugere-pr-rettighedssaet");

        assertThat(WebClient.locationPath(answer)).matches("/systemer/\\d+");
        String page = ResponseText.unescapeHtml(controller.follow(answer).body());
        assertThat(page).contains("Systemet er tilføjet.", "Navision Stat", "navision", "navision-brugere-pr-rettighedssaet");
        assertThat(ResponseText.unescapeHtml(controller.get("/systemer").body())).contains("Navision Stat");
        assertThat(jdbc.sql("select after_json from audit_entry where chain = ? and action = 'CREATE' and entity_type = 'system'")
                .param("institution:" + institution.id()).query(String.class).single())
                .contains("\"system\":\"navision\"", "\"importProfile\":\"navision-brugere-pr-rettighedssaet\"");
    }

    @Test
    void aSecondSystemWithTheSameIdIsRefusedAndNothingIsStored() {
        add("rejsud", "RejsUd", "");

        HttpResponse<String> again = add("RejsUd", "RejsUd igen", "");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ResponseText.unescapeHtml(again.body())).contains("Institutionen har allerede et system med dette system-id.");
        assertThat(systemNames()).containsExactly("RejsUd");
    }

    @Test
    void anInvalidIdAnEmptyNameAndAnUnknownProfileAreAllNamed() {
        HttpResponse<String> answer = add("Ikke gyldigt!", " ", "findes-ikke");

        String page = ResponseText.unescapeHtml(answer.body());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(page).contains("System-id skal være 1–64 tegn", "Navnet skal udfyldes", "Importprofilen findes ikke");
        assertThat(systemNames()).isEmpty();
    }

    @Test
    void changingANameAndProfileIsAuditedAndTheIdStaysFixed() {
        String path = WebClient.locationPath(add("district", "District", ""));

        HttpResponse<String> answer = controller.submit(path, path,
                Map.of("name", "Danske Bank District", "profile", "district-brugeroversigt-fuldmagter", "key", "andet"));

        assertThat(WebClient.locationPath(answer)).isEqualTo(path);
        assertThat(jdbc.sql("select system_key || '|' || name || '|' || import_profile from it_system where institution_id = ?")
                .param(institution.id()).query(String.class).single())
                .isEqualTo("district|Danske Bank District|district-brugeroversigt-fuldmagter");
        Map<String, Object> update = jdbc.sql("""
                        select before_json, after_json from audit_entry
                        where chain = ? and action = 'UPDATE' and entity_type = 'system'""")
                .param("institution:" + institution.id()).query().singleRow();
        assertThat(String.valueOf(update.get("before_json"))).contains("\"name\":\"District\"", "\"importProfile\":null");
        assertThat(String.valueOf(update.get("after_json"))).contains("\"name\":\"Danske Bank District\"");
    }

    @Test
    void anAuditorSeesTheSystemsButMayNotChangeThem() {
        add("nemkonto", "NemKonto", "");
        TestUsers.TestUser auditor = testUsers.user(institution, Role.AUDITOR);
        WebClient reader = WebClient.signedIn(port, auditor);

        String list = ResponseText.unescapeHtml(reader.get("/systemer").body());
        HttpResponse<String> refused = reader.submit("/systemer", "/systemer", Map.of("key", "sap", "name", "SAP"));

        assertThat(list).contains("NemKonto").doesNotContain("Tilføj system");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(systemNames()).containsExactly("NemKonto");
    }

    @Test
    void theDemoInstitutionHasThePaymentProcessSystems() {
        assertThat(jdbc.sql("""
                        select s.system_key from it_system s join institution i on i.id = s.institution_id
                        where i.code = 'DEMO' order by s.system_key""")
                .query(String.class).list()).containsExactly("district", "indfak", "navision", "nemkonto", "rejsud");
    }

    private HttpResponse<String> add(String key, String name, String profile) {
        return controller.submit("/systemer", "/systemer", Map.of("key", key, "name", name, "profile", profile));
    }

    private List<String> systemNames() {
        return jdbc.sql("select name from it_system where institution_id = ? order by name")
                .param(institution.id()).query(String.class).list();
    }
}

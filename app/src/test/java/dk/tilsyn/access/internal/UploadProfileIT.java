package dk.tilsyn.access.internal;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.ResponseText;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import dk.tilsyn.testsupport.WebClient.FilePart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import profile is chosen (or confirmed) per upload: the engine's check reads the file with it, the upload and
 * the evidence record it, the pages show it, and runs read the file with it whatever the system's profile is later.
 * Over real HTTP, on H2 and PostgreSQL.
 */
@TilsynIntegrationTest
class UploadProfileIT {

    private static final Path DEMO = Path.of("..", "demo", "demostyrelsen");
    /** SAP's AGR_USERS as SE16N exports it: readable with the profile sap-agr-users only. */
    private static final byte[] AGR_USERS = """
            UNAME;AGR_NAME;FROM_DAT;TO_DAT\r
            BRUGER1;Z_FI_BOGFOERER;01.01.2025;31.12.9999\r
            BRUGER2;Z_FI_GODKENDER;01.01.2025;31.12.9999\r
            """.getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExtractUploads uploads;
    @Autowired
    RunService runs;
    @Autowired
    Environment environment;

    Institution institution;
    WebClient controller;

    @BeforeEach
    void aController() {
        institution = testUsers.institution("profiles");
        TestUsers.TestUser user = testUsers.user(institution, Role.CONTROLLER, Role.SECURITY_COORDINATOR);
        controller = WebClient.signedIn(port, user);
    }

    @Test
    void theChosenProfileReadsTheFileIsRecordedWithUploadAndEvidenceAndIsShown() throws Exception {
        String extracts = system("sap", "") + "/udtraek";

        String status = WebClient.locationPath(send(extracts, "agr_users.csv", AGR_USERS, "sap-agr-users"));
        long uploadId = awaitCheck(status);

        Map<String, Object> upload = jdbc.sql("select status, import_profile, evidence_id from extract_upload where id = ?")
                .param(uploadId).query().singleRow();
        assertThat(upload).containsEntry("status", "DONE").containsEntry("import_profile", "sap-agr-users");
        long evidenceId = ((Number) upload.get("evidence_id")).longValue();
        assertThat(jdbc.sql("select import_profile from evidence_file where id = ?").param(evidenceId).query(String.class)
                .single()).isEqualTo("sap-agr-users");
        assertThat(ResponseText.unescapeHtml(ResponseText.of(controller.getBytes(status, Map.of("HX-Request", "true")).body())))
                .contains("Importprofil", "sap-agr-users");
        String preview = ResponseText.unescapeHtml(controller.get(extracts + "/" + evidenceId).body());
        assertThat(preview).contains("Filen er læst uden fejl", "Importprofil", "sap-agr-users", "BRUGER1", "Z_FI_GODKENDER");
        assertThat(jdbc.sql("select after_json from audit_entry where chain = ? and entity_type = 'evidence' and action = 'CREATE' and entity_id = ?")
                .params("institution:" + institution.id(), String.valueOf(evidenceId)).query(String.class).single())
                .contains("\"profile\":\"sap-agr-users\"");
    }

    @Test
    void theSameFileWithoutTheProfileIsRefusedForItsColumns() throws Exception {
        String extracts = system("sap", "") + "/udtraek";

        long chosenNone = awaitCheck(WebClient.locationPath(send(extracts, "agr_users.csv", AGR_USERS, "")));
        long systemDefault = awaitCheck(WebClient.locationPath(send(extracts, "agr_users.csv", AGR_USERS, null)));

        assertThat(jdbc.sql("select status from extract_upload where id in (?, ?)").params(chosenNone, systemDefault)
                .query(String.class).list()).containsExactly("REFUSED", "REFUSED");
        assertThat(ResponseText.unescapeHtml(controller.get(extracts + "/indlaesninger/" + chosenNone).body()))
                .contains("Filen agr_users.csv er afvist", "account", "Ingen – Tilsyns standardkolonner");
    }

    @Test
    void theSystemsProfileIsOfferedAsTheDefaultAndAnotherChoiceOverridesItInTheFormPost() throws Exception {
        String extracts = system("indfak", "sap-agr-users") + "/udtraek";

        String page = controller.get(extracts).body();
        assertThat(page).containsPattern("<option value=\"sap-agr-users\" selected=\"selected\">sap-agr-users \\(systemets profil\\)</option>")
                .contains("<option value=\"iga-omada\">iga-omada</option>", "<option value=\"\">Ingen – Tilsyns standardkolonner</option>");

        String preview = ResponseText.unescapeHtml(formPost(extracts, "indfak.csv",
                Files.readAllBytes(DEMO.resolve("extracts").resolve("indfak.csv")), "").body());

        assertThat(preview).contains("Filen er læst uden fejl", "Ingen – Tilsyns standardkolonner", "Disponent Ordre");
        assertThat(jdbc.sql("select count(*) from evidence_file where institution_id = ? and import_profile is null")
                .param(institution.id()).query(Long.class).single()).isEqualTo(1);
        String refused = ResponseText.unescapeHtml(formPost(extracts, "indfak.csv",
                Files.readAllBytes(DEMO.resolve("extracts").resolve("indfak.csv")), "sap-agr-users").body());
        assertThat(refused).contains("Filen indfak.csv er afvist", "\"uname\" eller \"bruger\"");
    }

    @Test
    void anUnknownProfileIsRefusedInDanishAndNothingIsStored() throws Exception {
        String extracts = system("sap", "") + "/udtraek";

        HttpResponse<String> streamed = send(extracts, "agr_users.csv", AGR_USERS, "sap-hemmelig");
        HttpResponse<String> posted = formPost(extracts, "agr_users.csv", AGR_USERS, "../../etc/profil");

        assertThat(streamed.statusCode()).isEqualTo(400);
        assertThat(ResponseText.unescapeHtml(streamed.body())).contains("Importprofilen \"sap-hemmelig\" findes ikke",
                "Intet er gemt");
        assertThat(ResponseText.unescapeHtml(posted.body())).contains("Importprofilen \"../../etc/profil\" findes ikke");
        assertThat(jdbc.sql("select count(*) from extract_upload where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from evidence_file where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
        try (var incoming = Files.list(Path.of(environment.getRequiredProperty("tilsyn.evidence-dir")).resolve("incoming"))) {
            assertThat(incoming.toList()).isEmpty();
        }
    }

    @Test
    void runsReadEachFileWithTheProfileItWasCheckedWithNotTheSystemsCurrentOne() throws Exception {
        HttpResponse<String> persons = controller.postMultipart("/organisation/import",
                List.of(Map.entry("_csrf", controller.csrfTokenFrom("/organisation/import")), Map.entry("kind", "persons")),
                new FilePart("file", "persons.csv", "text/csv", Files.readAllBytes(DEMO.resolve("persons.csv"))));
        assertThat(ResponseText.unescapeHtml(persons.body())).contains("er indlæst");
        String sap = system("sap", "");
        accept(sap + "/udtraek", awaitCheck(WebClient.locationPath(send(sap + "/udtraek", "agr_users.csv", AGR_USERS,
                "sap-agr-users"))));
        String indfak = system("indfak", "");
        accept(indfak + "/udtraek", awaitCheck(WebClient.locationPath(send(indfak + "/udtraek", "indfak.csv",
                Files.readAllBytes(DEMO.resolve("extracts").resolve("indfak.csv")), ""))));
        // The IGA's view of IndFak in the IGA's own layout: niol's prokura is 90.000 there, 150.000 in IndFak.
        byte[] igaExport = "Konto;Identitet;Navn;Kontostatus;Rettighed;Prokuraværdi\r\nniol;P0043;Niels Olsen;Aktiv;Prokura;90.000,00\r\n"
                .getBytes(StandardCharsets.UTF_8);
        long igaUpload = awaitCheck(WebClient.locationPath(send(indfak + "/udtraek", "indfak-iga.csv", igaExport, "iga-omada")));
        long iga = jdbc.sql("select evidence_id from extract_upload where id = ?").param(igaUpload).query(Long.class).single();
        // The systems' profiles change after the files were checked; the files stay as they were read.
        controller.submit(sap, sap, Map.of("name", "sap", "profile", "rejsud-gruppemedlemskab"));
        controller.submit(indfak, indfak, Map.of("name", "indfak", "profile", "sap-agr-users"));
        assertThat(jdbc.sql("select count(*) from it_system where institution_id = ? and import_profile is not null")
                .param(institution.id()).query(Long.class).single()).isEqualTo(2);

        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("_csrf", controller.csrfTokenFrom("/analyser")));
        form.add(Map.entry("asOf", "2026-10-31"));
        form.add(Map.entry("reconcileWith", Long.toString(iga)));
        form.add(Map.entry("entitlements", "Prokura"));
        long runId = Long.parseLong(WebClient.locationPath(controller.postForm("/analyser", form)).substring("/analyser/".length()));
        runs.completion(runId).get(120, TimeUnit.SECONDS);

        assertThat(jdbc.sql("select status, failure from analysis_run where id = ?").param(runId).query().singleRow())
                .containsEntry("status", "DONE");
        assertThat(jdbc.sql("select accounts from finding where run_id = ? and kind = 'orphan-account'").param(runId)
                .query(String.class).list()).as("SAP's accounts, read through sap-agr-users").contains("sap:BRUGER1");
        assertThat(jdbc.sql("select accounts from finding where run_id = ? and kind = 'reconciliation-difference'").param(runId)
                .query(String.class).list()).as("the IGA export, read through iga-omada").contains("indfak:niol");
    }

    /** Adds a system with the given profile ("" for none); returns its page's path. */
    private String system(String key, String profile) {
        return WebClient.locationPath(controller.submit("/systemer", "/systemer",
                Map.of("key", key, "name", key, "profile", profile)));
    }

    /** Sends the file as the page's script does; {@code profile} null leaves the parameter out. */
    private HttpResponse<String> send(String extracts, String name, byte[] bytes, String profile) {
        String query = "?kind=EXTRACT&asOf=2026-10-31&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + (profile == null ? "" : "&profile=" + URLEncoder.encode(profile, StandardCharsets.UTF_8));
        return controller.postBody(extracts + "/indlaesninger" + query, controller.csrfTokenFrom(extracts), bytes, false);
    }

    private HttpResponse<String> formPost(String extracts, String name, byte[] bytes, String profile) {
        return controller.postMultipart(extracts, List.of(Map.entry("_csrf", controller.csrfTokenFrom(extracts)),
                        Map.entry("kind", "EXTRACT"), Map.entry("asOf", "2026-10-31"), Map.entry("profile", profile)),
                new FilePart("file", name, "text/csv", bytes));
    }

    private long awaitCheck(String statusPath) throws Exception {
        long uploadId = Long.parseLong(statusPath.substring(statusPath.lastIndexOf('/') + 1));
        uploads.completion(uploadId).get(60, TimeUnit.SECONDS);
        return uploadId;
    }

    private void accept(String extracts, long uploadId) {
        long evidenceId = jdbc.sql("select evidence_id from extract_upload where id = ?").param(uploadId).query(Long.class).single();
        controller.submit(extracts + "/" + evidenceId, extracts + "/" + evidenceId + "/godkend", Map.of());
        assertThat(jdbc.sql("select status from evidence_file where id = ?").param(evidenceId).query(String.class).single())
                .isEqualTo("ACCEPTED");
    }
}

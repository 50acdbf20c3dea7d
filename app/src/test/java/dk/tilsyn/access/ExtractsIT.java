package dk.tilsyn.access;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploading a system's extracts as evidence, over real HTTP, on H2 and PostgreSQL. */
@TilsynIntegrationTest
class ExtractsIT {

    private static final Path DEMO = Path.of("..", "demo", "demostyrelsen", "extracts");

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;

    Institution institution;
    WebClient controller;
    String extracts;

    @BeforeEach
    void aControllerWithTheRejsUdSystem() {
        institution = testUsers.institution("extracts");
        TestUsers.TestUser user = testUsers.user(institution, Role.CONTROLLER);
        controller = WebClient.signedIn(port, user);
        HttpResponse<String> added = controller.submit("/systemer", "/systemer",
                Map.of("key", "rejsud", "name", "RejsUd", "profile", ""));
        extracts = WebClient.locationPath(added) + "/udtraek";
    }

    @Test
    void severalFilesInOneSubmitAreEachCheckedAndListed() throws Exception {
        byte[] valid = Files.readAllBytes(DEMO.resolve("rejsud.csv"));
        byte[] invalid = "account;entitlement;valid_from\r\nx;Godkender;31-02-2026\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> answer = controller.postMultipart(extracts, List.of(
                        Map.entry("_csrf", controller.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", "2026-10-31")),
                List.of(new FilePart("file", "rejsud-a.csv", "text/csv", valid),
                        new FilePart("file", "rejsud-b.csv", "text/csv", invalid)));

        assertThat(WebClient.locationPath(answer)).isEqualTo(extracts);
        assertThat(ResponseText.unescapeHtml(controller.follow(answer).body())).contains("Filerne er modtaget");
        long deadline = System.currentTimeMillis() + 60_000;
        while (jdbc.sql("select count(*) from extract_upload where institution_id = ? and status in ('QUEUED', 'CHECKING')")
                .param(institution.id()).query(Long.class).single() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(jdbc.sql("select file_name, status from extract_upload where institution_id = ? order by file_name")
                .param(institution.id()).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("rejsud-a.csv DONE", "rejsud-b.csv REFUSED");
        assertThat(jdbc.sql("select file_name from evidence_file where institution_id = ?").param(institution.id())
                .query(String.class).list()).as("only the valid file is kept").containsExactly("rejsud-a.csv");
        String page = ResponseText.unescapeHtml(controller.get(extracts).body());
        assertThat(page).contains("Kontroller det seneste døgn", "rejsud-a.csv", "rejsud-b.csv", "Afventer godkendelse", "Afvist");
    }

    @Test
    void aSubmitWithoutAFileIsRefusedWithAMessage() {
        HttpResponse<String> answer = controller.postMultipart(extracts, List.of(
                        Map.entry("_csrf", controller.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", "2026-10-31")),
                List.of(new FilePart("file", "", "application/octet-stream", new byte[0])));

        assertThat(ResponseText.unescapeHtml(answer.body())).contains("Vælg mindst én fil.");
        assertThat(jdbc.sql("select count(*) from extract_upload where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aValidExtractIsCheckedPreviewedKeptAndAcceptedAsEvidence() throws Exception {
        byte[] bytes = Files.readAllBytes(DEMO.resolve("rejsud.csv"));

        String preview = ResponseText.unescapeHtml(upload("rejsud.csv", bytes, LocalDate.of(2026, 10, 31)).body());

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(preview).contains("Filen er læst uden fejl", "Afventer godkendelse", sha, "176", "31-10-2026")
                .contains("Godkender", "Prokura", "50000.00");
        Map<String, Object> row = jdbc.sql("select id, status, sha256, size_bytes, row_count from evidence_file where institution_id = ?")
                .param(institution.id()).query().singleRow();
        assertThat(row).containsEntry("status", "PENDING").containsEntry("sha256", sha);
        assertThat(((Number) row.get("size_bytes")).longValue()).isEqualTo(bytes.length);
        assertThat(((Number) row.get("row_count")).longValue()).isEqualTo(176);

        HttpResponse<String> accepted = controller.submit(extracts + "/" + row.get("id"), extracts + "/" + row.get("id") + "/godkend", Map.of());

        assertThat(WebClient.locationPath(accepted)).isEqualTo(extracts);
        assertThat(ResponseText.unescapeHtml(controller.follow(accepted).body())).contains("Filen er godkendt", "Godkendt – bruges");
        HttpResponse<byte[]> original = controller.getBytes(extracts + "/" + row.get("id") + "/fil", Map.of());
        assertThat(original.body()).isEqualTo(bytes);
        assertThat(jdbc.sql("select count(*) from audit_entry where chain = ? and entity_type = 'evidence' and action = 'IMPORT'")
                .param("institution:" + institution.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aNewerAcceptedExtractSupersedesTheOldOneWhichIsKept() throws Exception {
        long first = acceptUpload("rejsud.csv", Files.readAllBytes(DEMO.resolve("rejsud.csv")));
        long second = acceptUpload("rejsud-ny.csv", "account;entitlement\r\nny;Rejsende\r\n".getBytes(StandardCharsets.UTF_8));

        Map<Long, String> status = statusById();
        assertThat(status).containsEntry(first, "SUPERSEDED").containsEntry(second, "ACCEPTED");
        assertThat(jdbc.sql("select superseded_by from evidence_file where id = ?").param(first).query(Long.class).single())
                .isEqualTo(second);
        assertThat(controller.getBytes(extracts + "/" + first + "/fil", Map.of()).body())
                .isEqualTo(Files.readAllBytes(DEMO.resolve("rejsud.csv")));
    }

    @Test
    void aBadFileIsRefusedWithLineAndColumnAndNothingIsKept() throws Exception {
        HttpResponse<String> answer = upload("fejl.csv",
                "account;entitlement;valid_to\r\nabc;Godkender;31-02-2026\r\n".getBytes(StandardCharsets.UTF_8), LocalDate.now());

        assertThat(ResponseText.unescapeHtml(answer.body())).contains("Filen fejl.csv er afvist", "linje 2", "valid_to", "31-02-2026");
        assertThat(statusById()).isEmpty();
        try (var incoming = Files.list(evidenceDir().resolve("incoming"))) {
            assertThat(incoming.toList()).isEmpty();
        }
    }

    @Test
    void anAsOfDateInTheFutureIsRefused() throws Exception {
        HttpResponse<String> answer = upload("rejsud.csv", Files.readAllBytes(DEMO.resolve("rejsud.csv")), LocalDate.now().plusDays(1));

        assertThat(ResponseText.unescapeHtml(answer.body())).contains("Angiv opgørelsesdatoen");
        assertThat(statusById()).isEmpty();
    }

    @Test
    void aDiscardedUploadIsNeverUsedAndCannotBeAcceptedLater() throws Exception {
        upload("rejsud.csv", Files.readAllBytes(DEMO.resolve("rejsud.csv")), LocalDate.of(2026, 10, 31));
        long id = statusById().keySet().iterator().next();

        controller.submit(extracts + "/" + id, extracts + "/" + id + "/kasser", Map.of());
        HttpResponse<String> lateAccept = controller.submit(extracts, extracts + "/" + id + "/godkend", Map.of());

        assertThat(statusById()).containsEntry(id, "DISCARDED");
        assertThat(ResponseText.unescapeHtml(controller.follow(lateAccept).body())).contains("afventer ikke længere");
    }

    @Test
    void anAuditorReadsAndDownloadsEvidenceButCannotUpload() throws Exception {
        long id = acceptUpload("rejsud.csv", Files.readAllBytes(DEMO.resolve("rejsud.csv")));
        TestUsers.TestUser auditor = testUsers.user(institution, Role.AUDITOR);
        WebClient reader = WebClient.signedIn(port, auditor);

        assertThat(ResponseText.unescapeHtml(reader.get(extracts).body())).contains("rejsud.csv").doesNotContain("Kontrollér fil");
        assertThat(reader.getBytes(extracts + "/" + id + "/fil", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = reader.postMultipart(extracts,
                List.of(Map.entry("_csrf", reader.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", LocalDate.now().toString())),
                new FilePart("file", "x.csv", "text/csv", "account\r\nx;\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private long acceptUpload(String name, byte[] bytes) {
        upload(name, bytes, LocalDate.of(2026, 10, 31));
        long id = jdbc.sql("select max(id) from evidence_file where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        controller.submit(extracts + "/" + id, extracts + "/" + id + "/godkend", Map.of());
        return id;
    }

    private HttpResponse<String> upload(String name, byte[] bytes, LocalDate asOf) {
        return controller.postMultipart(extracts,
                List.of(Map.entry("_csrf", controller.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", asOf.toString())),
                new FilePart("file", name, "text/csv", bytes));
    }

    private Map<Long, String> statusById() {
        return jdbc.sql("select id, status from evidence_file where institution_id = ?").param(institution.id())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Autowired
    org.springframework.core.env.Environment environment;

    private Path evidenceDir() {
        return Path.of(environment.getRequiredProperty("tilsyn.evidence-dir"));
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.systems.ItSystem;
import dk.tilsyn.testsupport.ResponseText;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
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
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large uploads as the page's script sends them — the file as the request body, checked in the background, its
 * progress polled — over real HTTP, on H2 and PostgreSQL.
 */
@TilsynIntegrationTest
class ExtractUploadsIT {

    private static final int ROWS = 200_000;

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExtractUploads uploads;
    @Autowired
    ExtractUploadRepository repository;
    @Autowired
    Environment environment;

    Institution institution;
    TestUsers.TestUser user;
    WebClient controller;
    String extracts;
    long systemId;

    @BeforeEach
    void aControllerWithASystem() {
        institution = testUsers.institution("uploads");
        user = testUsers.user(institution, Role.CONTROLLER);
        controller = WebClient.signedIn(port, user);
        HttpResponse<String> added = controller.submit("/systemer", "/systemer",
                Map.of("key", "rejsud", "name", "RejsUd", "profile", ""));
        extracts = WebClient.locationPath(added) + "/udtraek";
        systemId = Long.parseLong(extracts.split("/")[2]);
    }

    @Test
    void aLargeExtractIsStreamedCheckedInTheBackgroundCountedRowByRowAndCanBeAccepted() throws Exception {
        byte[] bytes = extract(ROWS);

        HttpResponse<String> answer = send("stor.csv", bytes);

        assertThat(answer.statusCode()).isEqualTo(201);
        String status = WebClient.locationPath(answer);
        assertThat(status).matches(extracts + "/indlaesninger/\\d+");
        long uploadId = Long.parseLong(status.substring(status.lastIndexOf('/') + 1));
        uploads.completion(uploadId).get(120, TimeUnit.SECONDS);

        HttpResponse<byte[]> poll = controller.getBytes(status, Map.of("HX-Request", "true"));
        long evidenceId = jdbc.sql("select evidence_id from extract_upload where id = ?").param(uploadId).query(Long.class).single();
        assertThat(poll.headers().firstValue("HX-Redirect")).hasValue(extracts + "/" + evidenceId);
        assertThat(ResponseText.unescapeHtml(ResponseText.of(poll.body()))).contains("Læst uden fejl", "200.000");
        assertThat(jdbc.sql("select rows_read, bytes_read, size_bytes, status from extract_upload where id = ?").param(uploadId)
                .query().singleRow()).containsEntry("status", "DONE")
                .satisfies(row -> {
                    assertThat(((Number) row.get("rows_read")).longValue()).isEqualTo(ROWS);
                    assertThat(((Number) row.get("bytes_read")).longValue()).isEqualTo(bytes.length);
                    assertThat(((Number) row.get("size_bytes")).longValue()).isEqualTo(bytes.length);
                });
        HttpResponse<String> reload = controller.get(status);
        assertThat(WebClient.locationPath(reload)).isEqualTo(extracts + "/" + evidenceId);
        String preview = ResponseText.unescapeHtml(controller.follow(reload).body());
        assertThat(preview).contains("Filen er læst uden fejl", sha256(bytes), "50.000 konti i 200.000 rækker", "Rolle-3");

        controller.submit(extracts + "/" + evidenceId, extracts + "/" + evidenceId + "/godkend", Map.of());

        assertThat(jdbc.sql("select status, row_count from evidence_file where id = ?").param(evidenceId).query().singleRow())
                .containsEntry("status", "ACCEPTED")
                .satisfies(row -> assertThat(((Number) row.get("row_count")).longValue()).isEqualTo(ROWS));
        assertThat(controller.getBytes(extracts + "/" + evidenceId + "/fil", Map.of()).body()).isEqualTo(bytes);
    }

    @Test
    void oneOfSeveralFilesSentFromThePageKeepsItsOwnStatusBlockWhenItsCheckIsDone() throws Exception {
        HttpResponse<String> answer = controller.postBody(query(extracts + "/indlaesninger", "EXTRACT",
                LocalDate.of(2026, 10, 31), "lille.csv") + "&inline=true", controller.csrfTokenFrom(extracts), extract(10), false);

        assertThat(answer.statusCode()).isEqualTo(201);
        String status = WebClient.locationPath(answer);
        long uploadId = Long.parseLong(status.substring(status.lastIndexOf('/') + 1));
        assertThat(ResponseText.unescapeHtml(answer.body())).contains("id=\"upload-status-" + uploadId + "\"")
                .doesNotContain("id=\"upload-status\"", "<h2");
        uploads.completion(uploadId).get(60, TimeUnit.SECONDS);

        HttpResponse<byte[]> poll = controller.getBytes(status + "?inline=true", Map.of("HX-Request", "true"));

        long evidenceId = jdbc.sql("select evidence_id from extract_upload where id = ?").param(uploadId).query(Long.class).single();
        assertThat(poll.headers().firstValue("HX-Redirect")).as("the page with the other files stays").isEmpty();
        assertThat(ResponseText.unescapeHtml(ResponseText.of(poll.body()))).contains("id=\"upload-status-" + uploadId + "\"",
                        "Læst uden fejl", "Vis eksemplet for lille.csv", "href=\"" + extracts + "/" + evidenceId + "\"")
                .doesNotContain("every 1s", "data-done-url");
    }

    @Test
    void aBadFileIsRefusedWithLineAndColumnAndNothingOfItIsKept() throws Exception {
        byte[] bytes = "account;entitlement;valid_to\r\nabc;Godkender;31-02-2026\r\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = send("fejl.csv", bytes);
        String status = WebClient.locationPath(answer);
        uploads.completion(Long.parseLong(status.substring(status.lastIndexOf('/') + 1))).get(60, TimeUnit.SECONDS);

        String page = ResponseText.unescapeHtml(controller.get(status).body());
        assertThat(page).contains("Afvist", "Filen fejl.csv er afvist", "linje 2", "valid_to", "31-02-2026",
                "Intet fra filen er gemt");
        assertThat(jdbc.sql("select count(*) from evidence_file where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
        String sha = sha256(bytes);
        assertThat(evidenceDir().resolve(sha.substring(0, 2)).resolve(sha)).doesNotExist();
        try (var incoming = Files.list(evidenceDir().resolve("incoming"))) {
            assertThat(incoming.toList()).isEmpty();
        }
    }

    @Test
    void aCheckUnderWayShowsItsProgressAndPollsAndOneWhoseInstanceStoppedShowsAsInterrupted() {
        long uploadId = TenantContext.runAs(institution.id(), () -> {
            long id = repository.insertQueued(new ExtractUploads.NewUpload(new ItSystem(systemId, "rejsud", "RejsUd", null),
                    EvidenceKind.EXTRACT, LocalDate.of(2026, 10, 31), "midt-i.csv", null), 4_000_000, user.id());
            repository.progress(id, "CHECKING", 1_000_000, 12_345);
            return id;
        });
        String status = extracts + "/indlaesninger/" + uploadId;

        String page = ResponseText.unescapeHtml(controller.get(status).body());
        String poll = ResponseText.unescapeHtml(ResponseText.of(controller.getBytes(status, Map.of("HX-Request", "true")).body()));

        assertThat(page).contains("Kontrol af midt-i.csv", "Læses og kontrolleres", "12.345", "1,0 af 4,0 MB læst",
                "Opdatér status", "hx-trigger=\"every 1s\"");
        assertThat(poll).contains("id=\"upload-status\"", "hx-trigger=\"every 1s\"").doesNotContain("<nav");

        jdbc.sql("update extract_upload set updated_at = ? where id = ?")
                .params(OffsetDateTime.now().minusHours(1), uploadId).update();

        assertThat(ResponseText.unescapeHtml(controller.get(status).body())).contains("Afbrudt", "Indlæs filen igen")
                .doesNotContain("every 1s");
    }

    @Test
    void aFormPostWithoutJavaScriptWaitsForTheCheckAndShowsThePreview() {
        HttpResponse<String> answer = controller.postMultipart(extracts,
                java.util.List.of(Map.entry("_csrf", controller.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", "2026-10-31")),
                new WebClient.FilePart("file", "lille.csv", "text/csv", extract(10)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(ResponseText.unescapeHtml(answer.body())).contains("Filen er læst uden fejl", "3 konti i 10 rækker");
    }

    @Test
    void aBadDateOrKindIsRefusedBeforeAnythingIsReceived() {
        HttpResponse<String> future = controller.postBody(query(extracts + "/indlaesninger", "EXTRACT",
                LocalDate.now().plusDays(1), "x.csv"), controller.csrfTokenFrom(extracts), extract(3), false);
        HttpResponse<String> kind = controller.postBody(query(extracts + "/indlaesninger", "NOGET", LocalDate.now(), "x.csv"),
                controller.csrfTokenFrom(extracts), extract(3), false);

        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(ResponseText.unescapeHtml(future.body())).contains("Angiv opgørelsesdatoen");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from extract_upload where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherInstitutionsUploadIsNotFound() {
        HttpResponse<String> answer = send("rejsud.csv", extract(5));
        String status = WebClient.locationPath(answer);
        TestUsers.TestUser stranger = testUsers.user(testUsers.institution("uploads-other"), Role.values());
        WebClient other = WebClient.signedIn(port, stranger);

        assertThat(other.get(status).statusCode()).isEqualTo(404);
        assertThat(other.getBytes(status, Map.of("HX-Request", "true")).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String name, byte[] bytes) {
        return controller.postBody(query(extracts + "/indlaesninger", "EXTRACT", LocalDate.of(2026, 10, 31), name),
                controller.csrfTokenFrom(extracts), bytes, false);
    }

    private static String query(String path, String kind, LocalDate asOf, String name) {
        return path + "?kind=" + kind + "&asOf=" + asOf + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** An extract of {@code rows} rows: one account per four rows, each with four roles. */
    static byte[] extract(int rows) {
        StringBuilder csv = new StringBuilder(rows * 24).append("account;name;entitlement\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("bruger").append(i / 4).append(";Bruger ").append(i / 4).append(";Rolle-").append(i % 4).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Path evidenceDir() {
        return Path.of(environment.getRequiredProperty("tilsyn.evidence-dir"));
    }
}

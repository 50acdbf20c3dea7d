package dk.tilsyn.access.internal;

import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.ResponseText;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import dk.tilsyn.testsupport.WebClient.FilePart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on H2 and PostgreSQL: only an administrator deletes an original, only one no longer in use, with a
 * reason and — when runs read it — an explicit confirmation; the record and the audit entry stay, the bytes go.
 */
@TilsynIntegrationTest
class EvidenceRetentionIT {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunService runService;
    @Autowired
    EvidenceStore store;

    @Test
    void anAdministratorDeletesASupersededOriginalWithAReasonAfterConfirmingTheRunsThatReadIt() throws Exception {
        Institution institution = testUsers.institution("retention");
        TestUsers.TestUser admin = testUsers.user(institution, Role.ADMINISTRATOR, Role.CONTROLLER);
        WebClient client = WebClient.signedIn(port, admin);
        String systemPath = WebClient.locationPath(client.submit("/systemer", "/systemer",
                Map.of("key", "rejsud", "name", "RejsUd", "profile", "")));
        HttpRun.importOnePerson(client);
        // Content of its own, so no other test's upload shares the stored bytes.
        String unique = "u" + UUID.randomUUID().toString().substring(0, 8);
        long first = upload(client, systemPath, institution, unique + ";Lokal systemadministrator");
        HttpRun run = new HttpRun(client, runService);
        long runId = run.start();
        long second = upload(client, systemPath, institution, unique + ";Godkender");
        String sha = jdbc.sql("select sha256 from evidence_file where id = ?").param(first).query(String.class).single();
        String page = systemPath + "/udtraek/" + first;

        assertThat(message(client, client.submit(page, page + "/slet", Map.of("reason", "Opbevaringsperioden er udløbet"))))
                .contains("Bekræft, at analyserne");
        assertThat(message(client, client.submit(systemPath + "/udtraek/" + second, systemPath + "/udtraek/" + second + "/slet",
                Map.of("reason", "x", "confirm", "true")))).contains("Kun en fil, der er erstattet");
        assertThat(Files.exists(store.path(sha))).isTrue();

        String deleted = message(client, client.submit(page, page + "/slet",
                Map.of("reason", "Opbevaringsperioden er udløbet", "confirm", "true")));

        assertThat(deleted).contains("Filen er slettet", "Opbevaringsperioden er udløbet");
        assertThat(jdbc.sql("select status from evidence_file where id = ?").param(first).query(String.class).single())
                .isEqualTo("DELETED");
        assertThat(Files.exists(store.path(sha))).as("the bytes are gone").isFalse();
        assertThat(client.getBytes(page + "/fil", Map.of()).statusCode()).isEqualTo(410);
        assertThat(jdbc.sql("select count(*) from audit_entry where institution_id = ? and action = 'DELETE' "
                + "and entity_type = 'evidence' and entity_id = ?").params(institution.id(), Long.toString(first))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from analysis_run where id = ?").param(runId).query(String.class).single())
                .isEqualTo("DONE");
        long finding = jdbc.sql("select min(id) from finding where run_id = ? and kind = 'privileged-access'").param(runId)
                .query(Long.class).single();
        assertThat(ResponseText.unescapeHtml(client.get("/analyser/" + runId + "/fund/" + finding).body()))
                .as("the run's finding still opens, without the deleted rows").contains("linjen findes ikke i filen");
    }

    @Test
    void onlyAnAdministratorMayDelete() throws Exception {
        Institution institution = testUsers.institution("retention-roles");
        TestUsers.TestUser controller = testUsers.user(institution, Role.CONTROLLER, Role.SECURITY_COORDINATOR);
        WebClient client = WebClient.signedIn(port, controller);
        String systemPath = WebClient.locationPath(client.submit("/systemer", "/systemer",
                Map.of("key", "rejsud", "name", "RejsUd", "profile", "")));
        long first = upload(client, systemPath, institution, "r" + UUID.randomUUID().toString().substring(0, 8) + ";Rejsende");
        upload(client, systemPath, institution, "s" + UUID.randomUUID().toString().substring(0, 8) + ";Rejsende");

        String page = systemPath + "/udtraek/" + first;
        assertThat(client.submit(page, page + "/slet", Map.of("reason", "x")).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select status from evidence_file where id = ?").param(first).query(String.class).single())
                .isEqualTo("SUPERSEDED");
    }

    private long upload(WebClient client, String systemPath, Institution institution, String row) {
        String extracts = systemPath + "/udtraek";
        client.postMultipart(extracts, List.of(Map.entry("_csrf", client.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", "2026-10-31")),
                new FilePart("file", "rejsud.csv", "text/csv", ("account;entitlement\r\n" + row + "\r\n").getBytes(StandardCharsets.UTF_8)));
        long id = jdbc.sql("select max(id) from evidence_file where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        client.submit(extracts + "/" + id, extracts + "/" + id + "/godkend", Map.of());
        return id;
    }

    private static String message(WebClient client, java.net.http.HttpResponse<String> answer) {
        return ResponseText.unescapeHtml(client.follow(answer).body());
    }

    /** Starts a run over HTTP and waits for it. */
    private record HttpRun(WebClient client, RunService runs) {
        static void importOnePerson(WebClient client) {
            client.postMultipart("/organisation/import", List.of(Map.entry("_csrf", client.csrfTokenFrom("/organisation/import")),
                            Map.entry("kind", "persons")),
                    new FilePart("file", "persons.csv", "text/csv",
                            "person_id;name\r\nP1;Person Et\r\n".getBytes(StandardCharsets.UTF_8)));
        }

        long start() throws Exception {
            String location = WebClient.locationPath(client.submit("/analyser", "/analyser",
                    Map.of("asOf", java.time.LocalDate.now().toString())));
            long id = Long.parseLong(location.substring("/analyser/".length()));
            runs.completion(id).get(60, TimeUnit.SECONDS);
            return id;
        }
    }
}

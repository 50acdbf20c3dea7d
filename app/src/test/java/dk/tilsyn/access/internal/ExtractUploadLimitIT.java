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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extracts' upload limit and the persons import's own, smaller one, with limits small enough to cross in a test
 * (its own application context; the defaults are 2 GB and 50 MB).
 */
@TilsynIntegrationTest
@TestPropertySource(properties = {"tilsyn.extracts.max-file-size=1MB", "tilsyn.import.max-file-size=200KB"})
class ExtractUploadLimitIT {

    private static final String TOO_LARGE = "Filen er større end den tilladte størrelse";

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
    void aControllerWithASystem() {
        institution = testUsers.institution("upload-limit");
        TestUsers.TestUser user = testUsers.user(institution, Role.ADMINISTRATOR, Role.CONTROLLER);
        controller = WebClient.signedIn(port, user);
        extracts = WebClient.locationPath(controller.submit("/systemer", "/systemer",
                Map.of("key", "rejsud", "name", "RejsUd", "profile", ""))) + "/udtraek";
    }

    @Test
    void aStreamedUploadAboveTheLimitIsRefusedInDanishWhetherItsLengthIsDeclaredOrNot() {
        byte[] tooLarge = ExtractUploadsIT.extract(60_000); // about 1.6 MB

        HttpResponse<String> declared = controller.postBody(extracts + "/indlaesninger?kind=EXTRACT&asOf=2026-10-31&name=stor.csv",
                controller.csrfTokenFrom(extracts), tooLarge, false);
        HttpResponse<String> chunked = controller.postBody(extracts + "/indlaesninger?kind=EXTRACT&asOf=2026-10-31&name=stor.csv",
                controller.csrfTokenFrom(extracts), tooLarge, true);

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(ResponseText.unescapeHtml(declared.body())).contains(TOO_LARGE);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(ResponseText.unescapeHtml(chunked.body())).contains(TOO_LARGE);
        assertThat(jdbc.sql("select count(*) from extract_upload where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFormPostAboveTheLimitGetsTheDanishMessageOnTheForm() {
        HttpResponse<String> answer = controller.postMultipart(extracts,
                List.of(Map.entry("_csrf", controller.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", "2026-10-31")),
                new FilePart("file", "stor.csv", "text/csv", ExtractUploadsIT.extract(60_000)));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(ResponseText.unescapeHtml(controller.follow(answer).body())).contains(TOO_LARGE, "Kontrollér fil");
        assertThat(jdbc.sql("select count(*) from evidence_file where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anExtractLargerThanThePersonsLimitIsAcceptedWhileThePersonsImportKeepsItsOwnLimit() {
        byte[] between = ExtractUploadsIT.extract(15_000); // about 400 KB: above 200 KB, below 1 MB

        HttpResponse<String> extract = controller.postMultipart(extracts,
                List.of(Map.entry("_csrf", controller.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", "2026-10-31")),
                new FilePart("file", "mellem.csv", "text/csv", between));
        HttpResponse<String> persons = controller.postMultipart("/organisation/import",
                List.of(Map.entry("_csrf", controller.csrfTokenFrom("/organisation/import")), Map.entry("kind", "persons")),
                new FilePart("file", "personer.csv", "text/csv", between));

        assertThat(ResponseText.unescapeHtml(extract.body())).contains("Filen er læst uden fejl");
        assertThat(persons.statusCode()).isEqualTo(303);
        assertThat(ResponseText.unescapeHtml(controller.follow(persons).body())).contains(TOO_LARGE);
    }
}

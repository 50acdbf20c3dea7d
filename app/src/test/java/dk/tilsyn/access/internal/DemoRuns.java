package dk.tilsyn.access.internal;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.testsupport.ResponseText;
import dk.tilsyn.testsupport.WebClient;
import dk.tilsyn.testsupport.WebClient.FilePart;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo institution's files loaded and analysed over HTTP, as a controller does it. */
final class DemoRuns {

    static final Path DEMO = Path.of("..", "demo", "demostyrelsen");
    static final List<String> SYSTEMS = List.of("rejsud", "indfak", "navision", "district", "nemkonto");

    private final WebClient client;
    private final JdbcClient jdbc;
    private final Institution institution;
    private final RunService runs;

    DemoRuns(WebClient client, JdbcClient jdbc, Institution institution, RunService runs) {
        this.client = client;
        this.jdbc = jdbc;
        this.institution = institution;
        this.runs = runs;
    }

    void importPersonsAndUnits() throws IOException {
        for (String kind : List.of("org_units", "persons")) {
            String file = kind.equals("persons") ? "persons.csv" : "org_units.csv";
            HttpResponse<String> answer = client.postMultipart("/organisation/import",
                    List.of(Map.entry("_csrf", client.csrfTokenFrom("/organisation/import")), Map.entry("kind", kind)),
                    new FilePart("file", file, "text/csv", Files.readAllBytes(DEMO.resolve(file))));
            assertThat(ResponseText.unescapeHtml(answer.body())).as(file).contains("er indlæst");
        }
    }

    /** Registers every demo system and accepts its extract. */
    void uploadAll() throws IOException {
        for (String system : SYSTEMS) {
            String systemPath = WebClient.locationPath(client.submit("/systemer", "/systemer",
                    Map.of("key", system, "name", system, "profile", "")));
            upload(systemPath, system + ".csv", Files.readAllBytes(DEMO.resolve("extracts").resolve(system + ".csv")));
        }
    }

    /** Uploads and accepts a new extract for an already registered system, replacing lines of the demo file. */
    void replaceExtract(String system, java.util.function.UnaryOperator<List<String>> change) throws IOException {
        // ISO-8859-1 maps every byte to one char and back: the file keeps its own encoding (some are Windows-1252).
        List<String> lines = change.apply(Files.readAllLines(DEMO.resolve("extracts").resolve(system + ".csv"),
                StandardCharsets.ISO_8859_1));
        long id = jdbc.sql("select id from it_system where institution_id = ? and system_key = ?")
                .params(institution.id(), system).query(Long.class).single();
        upload("/systemer/" + id, system + "-ny.csv", String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1));
    }

    private void upload(String systemPath, String fileName, byte[] content) {
        String extracts = systemPath + "/udtraek";
        HttpResponse<String> uploaded = client.postMultipart(extracts,
                List.of(Map.entry("_csrf", client.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", "2026-10-31")),
                new FilePart("file", fileName, "text/csv", content));
        assertThat(ResponseText.unescapeHtml(uploaded.body())).as(fileName).contains("Filen er læst uden fejl");
        long id = jdbc.sql("select max(id) from evidence_file where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        client.submit(extracts + "/" + id, extracts + "/" + id + "/godkend", Map.of());
    }

    /** Starts a run as of the demo's date and waits for it to finish. */
    long run() throws Exception {
        HttpResponse<String> answer = client.submit("/analyser", "/analyser", Map.of("asOf", LocalDate.of(2026, 10, 31).toString()));
        long runId = Long.parseLong(WebClient.locationPath(answer).substring("/analyser/".length()));
        runs.completion(runId).get(120, TimeUnit.SECONDS);
        assertThat(jdbc.sql("select status from analysis_run where id = ?").param(runId).query(String.class).single())
                .isEqualTo("DONE");
        return runId;
    }

    long finding(long runId, String rule, String person) {
        return jdbc.sql("select id from finding where run_id = ? and rule = ? and person_key = ?")
                .params(runId, rule, person).query(Long.class).single();
    }

    /** The status badge of a finding's page, as the user reads it. */
    String status(long runId, long findingId) {
        String page = ResponseText.unescapeHtml(client.get("/analyser/" + runId + "/fund/" + findingId).body());
        int at = page.indexOf("badge text-bg-");
        assertThat(at).as("a status badge on the finding page").isPositive();
        return page.substring(page.indexOf('>', at) + 1, page.indexOf("</span>", at));
    }
}

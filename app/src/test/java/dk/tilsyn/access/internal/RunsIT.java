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

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analysis run end to end over HTTP on the demo data, on H2 and PostgreSQL. The expected findings come from the
 * hand-written demo/demostyrelsen/expected-findings.csv, limited to what this run has as input (extracts and persons,
 * the default rule set; no change logs, parameters, reconciliation or local layer).
 */
@TilsynIntegrationTest
class RunsIT {

    private static final Path DEMO = Path.of("..", "demo", "demostyrelsen");
    private static final List<String> SYSTEMS = List.of("rejsud", "indfak", "navision", "district", "nemkonto");
    private static final Set<String> KINDS_FROM_EXTRACTS = Set.of("sod-conflict", "sole-authority", "privileged-access",
            "orphan-account", "duplicate-account", "leaver-access", "master-data-mismatch");

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunService runs;

    Institution institution;
    WebClient controller;

    @BeforeEach
    void anInstitutionWithTheDemoPersonsAndAcceptedExtracts() throws IOException {
        institution = testUsers.institution("runs");
        TestUsers.TestUser user = testUsers.user(institution, Role.CONTROLLER, Role.SECURITY_COORDINATOR);
        controller = WebClient.signedIn(port, user);
        HttpResponse<String> persons = controller.postMultipart("/organisation/import",
                List.of(Map.entry("_csrf", controller.csrfTokenFrom("/organisation/import")), Map.entry("kind", "persons")),
                new FilePart("file", "persons.csv", "text/csv", Files.readAllBytes(DEMO.resolve("persons.csv"))));
        assertThat(ResponseText.unescapeHtml(persons.body())).contains("er indlæst");
    }

    @Test
    void aRunFindsWhatTheGuidanceCallsForAndFreezesItsDataBasis() throws Exception {
        // Before any analysis, the front page's tile leads to where one is started.
        assertThat(ResponseText.unescapeHtml(controller.get("/").body()))
                .contains("href=\"/analyser\">færdige analyser af adgange – start en her").doesNotContain("åbne fund i seneste analyse");
        for (String system : SYSTEMS) {
            uploadAndAccept(system);
        }

        long runId = start(LocalDate.of(2026, 10, 31));
        runs.completion(runId).get(120, TimeUnit.SECONDS);
        // Nothing decided or documented yet in this institution: every finding of the run is open.
        long open = jdbc.sql("select findings_count from analysis_run where id = ?").param(runId).query(Long.class).single();
        assertThat(ResponseText.unescapeHtml(controller.get("/").body()))
                .containsPattern("<span class=\"figure\">" + open + "</span>\\s*<a href=\"/analyser/" + runId
                        + "\\?status=open\">åbne fund i seneste analyse</a>")
                .doesNotContain("start en her");

        Map<String, Object> run = jdbc.sql("select status, findings_count, rule_set_id, report_sha256 from analysis_run where id = ?")
                .param(runId).query().singleRow();
        assertThat(run).containsEntry("status", "DONE").containsEntry("rule_set_id", "oes-udbetalingsproces");
        assertThat(findingKeys(runId)).containsExactlyInAnyOrderElementsOf(expectedKeys());
        assertThat(jdbc.sql("select count(*) from analysis_run_input where run_id = ?").param(runId).query(Long.class).single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select evidence from finding where run_id = ? and kind = 'leaver-access' and person_key = 'P0018'").param(runId)
                .query(String.class).single()).contains("navision/navision.csv:", "rejsud/rejsud.csv:", "personer.csv:19");

        String page = ResponseText.unescapeHtml(controller.get("/analyser/" + runId + "?kind=sod-conflict").body());
        assertThat(page).contains("Færdig", "oes-udbetalingsproces", "P0012", "P0017").doesNotContain("P0018");
        assertFilters(runId);
        String report = controller.get("/analyser/" + runId + "/rapport").body();
        for (String sha : jdbc.sql("select sha256 from evidence_file where institution_id = ?").param(institution.id())
                .query(String.class).list()) {
            assertThat(report).contains(sha);
        }
    }

    @Test
    void aSecondRunIsComparedWithThePreviousOne() throws Exception {
        for (String system : SYSTEMS) {
            uploadAndAccept(system);
        }
        long first = start(LocalDate.of(2026, 10, 31));
        runs.completion(first).get(120, TimeUnit.SECONDS);
        // The new RejsUd extract: P0021 (lera) no longer approves; P0047 (thol) has become local administrator. P0047
        // is also Rekvirent in IndFak (an accounting function, 004 §4.1.6), so that is two new findings, not one.
        List<String> lines = Files.readAllLines(DEMO.resolve("extracts").resolve("rejsud.csv"));
        List<String> changed = new java.util.ArrayList<>(lines.stream()
                .filter(line -> !(line.startsWith("lera;") && (line.contains(";Godkender;") || line.contains(";Prokura;")))).toList());
        changed.add(lines.stream().filter(line -> line.startsWith("thol;")).findFirst().orElseThrow()
                .replace(";Rejsende;", ";Lokal systemadministrator;"));
        String systemPath = jdbc.sql("select id from it_system where institution_id = ? and system_key = 'rejsud'")
                .param(institution.id()).query(Long.class).single().toString();
        String extracts = "/systemer/" + systemPath + "/udtraek";
        controller.postMultipart(extracts, List.of(Map.entry("_csrf", controller.csrfTokenFrom(extracts)),
                        Map.entry("kind", "EXTRACT"), Map.entry("asOf", "2026-10-31")),
                new FilePart("file", "rejsud-ny.csv", "text/csv", String.join("\r\n", changed).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long newest = jdbc.sql("select max(id) from evidence_file where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        controller.submit(extracts + "/" + newest, extracts + "/" + newest + "/godkend", Map.of());
        long second = start(LocalDate.of(2026, 10, 31));
        runs.completion(second).get(120, TimeUnit.SECONDS);

        String page = ResponseText.unescapeHtml(controller.get("/analyser/" + second + "/sammenligning").body());

        long total = jdbc.sql("select findings_count from analysis_run where id = ?").param(second).query(Long.class).single();
        assertThat(page).contains("I forhold til analyse " + first + ": 2 nye fund, 1 løste fund og " + (total - 2) + " uændrede.");
        String added = page.substring(page.indexOf("Nye fund"), page.indexOf("Løste fund"));
        String resolved = page.substring(page.indexOf("Løste fund"), page.indexOf("Uændrede fund"));
        assertThat(added).contains("P0047", "privileged-user", "accounting-and-privileged");
        assertThat(resolved).contains("P0021", "derived-approval-and-bank");
    }

    /** Server-side filters and order of the findings list, each checked against what the data must give. */
    private void assertFilters(long runId) {
        String run = "/analyser/" + runId;
        // Unfiltered, the total shown is the run's own count; filtered, the count of what matched.
        long total = jdbc.sql("select count(*) from finding where run_id = ?").param(runId).query(Long.class).single();
        assertThat(ResponseText.unescapeHtml(controller.get(run).body())).contains("Viser 1–" + Math.min(total, 50) + " af " + total);
        long juho = jdbc.sql("select count(*) from finding where run_id = ? and lower(explanation || ' ' || accounts) like '%juho%'")
                .param(runId).query(Long.class).single();
        assertThat(juho).isPositive();
        assertThat(ResponseText.unescapeHtml(controller.get(run + "?q=juho").body())).contains(" af " + juho + "<");
        assertThat(persons(run + "?rule=derived-approval-and-navision")).containsExactlyInAnyOrder("P0012", "P0017");
        assertThat(persons(run + "?system=district&kind=sole-authority")).containsExactlyInAnyOrder("P0003", "P0065");
        // The filter form shows what was chosen, and only that.
        String filtered = controller.get(run + "?system=district&kind=sole-authority").body();
        assertThat(filtered).contains("<option value=\"district\" selected>", "<option value=\"sole-authority\" selected>",
                "<option value=\"rejsud\">");
        assertThat(filtered.split(" selected>", -1)).hasSize(3);
        assertThat(persons(run + "?q=juho")).containsOnly("P0012");
        long bookkeeping = jdbc.sql("select id from org_unit where institution_id = ? and code = 'BOG'")
                .param(institution.id()).query(Long.class).single();
        List<String> inBookkeeping = persons(run + "?unit=" + bookkeeping);
        assertThat(inBookkeeping).contains("P0012", "P0017", "P0018", "P0021", "P0022").doesNotContain("P0062", "P0065");
        List<String> bySeverity = persons(run + "?kind=sod-conflict");
        assertThat(bySeverity.subList(0, 2)).containsExactlyInAnyOrder("P0062", "P0107"); // the critical ones first
        assertThat(persons(run + "?kind=sod-conflict&sort=person&desc=true")).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    /** The person column of a findings page, in order. */
    private List<String> persons(String path) {
        String page = controller.get(path).body();
        java.util.regex.Matcher cell = java.util.regex.Pattern
                .compile("<td><a href=\"/personadgang/[^\"]*\">(P\\d{4})</a></td>|<td><span>(–)</span></td>").matcher(page);
        List<String> persons = new java.util.ArrayList<>();
        while (cell.find()) {
            persons.add(cell.group(1) != null ? cell.group(1) : cell.group(2));
        }
        return persons;
    }

    @Test
    void aRunReadsTheChosenFilesAndReconcilesTheIgasViewOfIndFak() throws Exception {
        for (String system : SYSTEMS) {
            uploadAndAccept(system);
        }
        long indfak = jdbc.sql("select id from it_system where institution_id = ? and system_key = 'indfak'")
                .param(institution.id()).query(Long.class).single();
        String extracts = "/systemer/" + indfak + "/udtraek";
        controller.postMultipart(extracts, List.of(Map.entry("_csrf", controller.csrfTokenFrom(extracts)),
                        Map.entry("kind", "EXTRACT"), Map.entry("asOf", "2026-10-31")),
                new FilePart("file", "indfak-iga.csv", "text/csv",
                        Files.readAllBytes(DEMO.resolve("reconciliation").resolve("indfak-iga.csv"))));
        long iga = jdbc.sql("select max(id) from evidence_file where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        String withFiles = ResponseText.unescapeHtml(controller.get("/analyser").body());
        assertThat(withFiles).contains("indfak-iga.csv").doesNotContain("run-prerequisites");
        List<String> withoutNemKonto = jdbc.sql("select e.id from evidence_file e join it_system s on s.id = e.system_id "
                        + "where e.institution_id = ? and e.status = 'ACCEPTED' and s.system_key <> 'nemkonto'")
                .param(institution.id()).query(Long.class).list().stream().map(String::valueOf).toList();

        List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
        form.add(Map.entry("_csrf", controller.csrfTokenFrom("/analyser")));
        form.add(Map.entry("asOf", "2026-10-31"));
        withoutNemKonto.forEach(id -> form.add(Map.entry("evidence", id)));
        form.add(Map.entry("reconcileWith", Long.toString(iga)));
        form.add(Map.entry("entitlements", "Disponent Ordre, Disponent Faktura, Prokura"));
        long runId = Long.parseLong(WebClient.locationPath(controller.postForm("/analyser", form)).substring("/analyser/".length()));
        runs.completion(runId).get(120, TimeUnit.SECONDS);

        assertThat(jdbc.sql("select count(*) from analysis_run_input where run_id = ? and purpose = 'INPUT'").param(runId)
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from finding where run_id = ? and systems like '%nemkonto%'").param(runId)
                .query(Long.class).single()).as("NemKonto was left out").isZero();
        List<String> expected = Files.readAllLines(DEMO.resolve("expected-findings.csv")).stream()
                .filter(line -> line.startsWith("reconciliation-difference;"))
                .map(line -> line.split(";")[1] + " " + line.split(";")[3]).toList();
        assertThat(jdbc.sql("select person_key, accounts from finding where run_id = ? and kind = 'reconciliation-difference'")
                .param(runId).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactlyInAnyOrderElementsOf(expected);
        long difference = jdbc.sql("select min(id) from finding where run_id = ? and kind = 'reconciliation-difference'")
                .param(runId).query(Long.class).single();
        assertThat(ResponseText.unescapeHtml(controller.get("/analyser/" + runId + "/fund/" + difference).body()))
                .contains("indfak/indfak-iga.csv");

        HttpResponse<String> withoutEntitlements = controller.postForm("/analyser", List.of(
                Map.entry("_csrf", controller.csrfTokenFrom("/analyser")), Map.entry("asOf", "2026-10-31"),
                Map.entry("reconcileWith", Long.toString(iga)), Map.entry("entitlements", " ")));
        assertThat(ResponseText.unescapeHtml(controller.follow(withoutEntitlements).body()))
                .contains("Angiv mindst én rettighed at sammenligne");
    }

    @Test
    void withoutAnAcceptedExtractARunIsRefusedWithAMessage() {
        // Before anything is accepted, the page says where the files come from instead of leaving a bare button.
        assertThat(ResponseText.unescapeHtml(controller.get("/analyser").body()))
                .contains("Der er intet godkendt adgangsudtræk at analysere endnu")
                .contains("class=\"alert-link\" href=\"/systemer\"")
                .contains("aria-describedby=\"run-prerequisites\"")
                .doesNotContain("Personregistret er tomt"); // this institution has its persons
        HttpResponse<String> answer = controller.submit("/analyser", "/analyser", Map.of("asOf", LocalDate.now().toString()));

        assertThat(ResponseText.unescapeHtml(controller.follow(answer).body())).contains("ingen godkendte adgangsudtræk");
        assertThat(jdbc.sql("select count(*) from analysis_run where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void withoutPersonsARunIsRefusedWithAMessageInsteadOfFailing() throws IOException {
        Institution empty = testUsers.institution("runs-no-persons");
        TestUsers.TestUser user = testUsers.user(empty, Role.CONTROLLER);
        WebClient client = WebClient.signedIn(port, user);
        String systemPath = WebClient.locationPath(client.submit("/systemer", "/systemer",
                Map.of("key", "rejsud", "name", "RejsUd", "profile", "")));
        String extracts = systemPath + "/udtraek";
        client.postMultipart(extracts, List.of(Map.entry("_csrf", client.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", "2026-10-31")),
                new FilePart("file", "rejsud.csv", "text/csv", Files.readAllBytes(DEMO.resolve("extracts").resolve("rejsud.csv"))));
        long id = jdbc.sql("select max(id) from evidence_file where institution_id = ?").param(empty.id()).query(Long.class).single();
        client.submit(extracts + "/" + id, extracts + "/" + id + "/godkend", Map.of());

        // A controller may not import persons: the page says who does, without a link that would be refused.
        assertThat(ResponseText.unescapeHtml(client.get("/analyser").body()))
                .contains("Bed en administrator eller informationssikkerhedskoordinatoren om at importere personfilen")
                .doesNotContain("href=\"/organisation/import\"").doesNotContain("intet godkendt adgangsudtræk");
        TestUsers.TestUser coordinator = testUsers.user(empty, Role.SECURITY_COORDINATOR);
        assertThat(ResponseText.unescapeHtml(WebClient.signedIn(port, coordinator).get("/analyser").body()))
                .contains("Personregistret er tomt. Importér personfilen")
                .contains("class=\"alert-link\" href=\"/organisation/import\"");
        HttpResponse<String> answer = client.submit("/analyser", "/analyser", Map.of("asOf", "2026-10-31"));

        assertThat(ResponseText.unescapeHtml(client.follow(answer).body())).contains("Institutionen har ingen personer");
        assertThat(jdbc.sql("select count(*) from analysis_run where institution_id = ?").param(empty.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAuditorReadsRunsButCannotStartOne() {
        TestUsers.TestUser auditor = testUsers.user(institution, Role.AUDITOR);
        WebClient reader = WebClient.signedIn(port, auditor);

        assertThat(reader.get("/analyser").statusCode()).isEqualTo(200);
        // No analysis has finished here, but an auditor cannot start one: no tile invites them to.
        assertThat(ResponseText.unescapeHtml(reader.get("/").body())).doesNotContain("start en her");
        assertThat(reader.submit("/analyser", "/analyser", Map.of("asOf", LocalDate.now().toString())).statusCode()).isEqualTo(403);
    }

    private void uploadAndAccept(String system) throws IOException {
        String systemPath = WebClient.locationPath(controller.submit("/systemer", "/systemer",
                Map.of("key", system, "name", system, "profile", "")));
        String extracts = systemPath + "/udtraek";
        HttpResponse<String> uploaded = controller.postMultipart(extracts,
                List.of(Map.entry("_csrf", controller.csrfTokenFrom(extracts)), Map.entry("kind", "EXTRACT"),
                        Map.entry("asOf", "2026-10-31")),
                new FilePart("file", system + ".csv", "text/csv", Files.readAllBytes(DEMO.resolve("extracts").resolve(system + ".csv"))));
        assertThat(ResponseText.unescapeHtml(uploaded.body())).as(system).contains("Filen er læst uden fejl");
        long id = jdbc.sql("select max(id) from evidence_file where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        controller.submit(extracts + "/" + id, extracts + "/" + id + "/godkend", Map.of());
    }

    private long start(LocalDate asOf) {
        HttpResponse<String> answer = controller.submit("/analyser", "/analyser", Map.of("asOf", asOf.toString()));
        return Long.parseLong(WebClient.locationPath(answer).substring("/analyser/".length()));
    }

    private List<String> findingKeys(long runId) {
        return jdbc.sql("select kind, person_key, systems, accounts from finding where run_id = ?").param(runId)
                .query((rs, n) -> key(rs.getString(1), rs.getString(2), rs.getString(3).split(", "),
                        rs.getString(4).split(", "))).list();
    }

    private static List<String> expectedKeys() throws IOException {
        return Files.readAllLines(DEMO.resolve("expected-findings.csv")).stream().skip(1).filter(l -> !l.isBlank())
                .map(line -> line.split(";", -1))
                .filter(c -> KINDS_FROM_EXTRACTS.contains(c[0]) && !c[3].contains("navision:ankn")) // P0019 needs the local layer
                .map(c -> key(c[0], c[1], c[2].split("\\|"), c[3].split("\\|"))).toList();
    }

    private static String key(String kind, String person, String[] systems, String[] accounts) {
        return kind + ";" + (person == null ? "" : person) + ";" + Arrays.stream(systems).sorted().collect(Collectors.joining("|"))
                + ";" + Arrays.stream(accounts).sorted().collect(Collectors.joining("|"));
    }
}

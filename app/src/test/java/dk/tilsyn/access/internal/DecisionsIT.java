package dk.tilsyn.access.internal;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.ResponseText;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taking a position on findings (ACC-10) and documenting privileged access (ACC-11), over HTTP on the demo data, on
 * H2 and PostgreSQL: who may decide, carry-over into later runs, re-opening on changed access or expiry, actions,
 * and the person page, matrix and cited rows that a manager decides from.
 */
@TilsynIntegrationTest
class DecisionsIT {

    /** Julie Holm (P0012, unit BOG) approves in IndFak and books in Navision Stat (004 §5.3.2). */
    private static final String RULE = "derived-approval-and-navision";
    private static final String PERSON = "P0012";

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunService runService;
    @Autowired
    RunHousekeeping housekeeping;

    Institution institution;
    WebClient controller;
    WebClient manager;
    TestUsers.TestUser managerUser;
    TestUsers.TestUser controllerUser;
    DemoRuns demo;

    @BeforeEach
    void demoDataAndAManagerResponsibleForBookkeeping() throws Exception {
        institution = testUsers.institution("decisions");
        controllerUser = testUsers.user(institution, Role.CONTROLLER, Role.SECURITY_COORDINATOR);
        controller = WebClient.signedIn(port, controllerUser);
        managerUser = testUsers.user(institution, Role.MANAGER);
        manager = WebClient.signedIn(port, managerUser);
        demo = new DemoRuns(controller, jdbc, institution, runService);
        demo.importPersonsAndUnits();
        demo.uploadAll();
        long bookkeeping = jdbc.sql("select id from org_unit where institution_id = ? and code = 'BOG'")
                .param(institution.id()).query(Long.class).single();
        controller.submit("/ansvar", "/ansvar", Map.of("user", Long.toString(managerUser.id()), "scope", "unit:" + bookkeeping));
        assertThat(jdbc.sql("select count(*) from responsibility where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAcceptanceHoldsInTheNextRunAndTheFindingOpensAgainWhenTheAccessChanges() throws Exception {
        long first = demo.run();
        long finding = demo.finding(first, RULE, PERSON);
        assertThat(demo.status(first, finding)).isEqualTo("Åben");

        String page = ResponseText.unescapeHtml(manager.get(path(first, finding)).body());
        assertThat(page).contains("IndFak", "Navision").contains("Behovet for");
        HttpResponse<String> accepted = accept(manager, first, finding, "Månedlig stikprøve af bogføringer ved økonomichefen",
                LocalDate.now().plusMonths(12));
        assertThat(ResponseText.unescapeHtml(manager.follow(accepted).body())).contains("Fundet er accepteret");
        assertThat(demo.status(first, finding)).isEqualTo("Accepteret");
        assertThat(jdbc.sql("select count(*) from audit_entry where institution_id = ? and action = 'ACCEPT' "
                        + "and after_json like '%Månedlig stikprøve%'").param(institution.id()).query(Long.class).single())
                .isEqualTo(1);

        long second = demo.run();
        long carried = demo.finding(second, RULE, PERSON);
        assertThat(demo.status(second, carried)).isEqualTo("Accepteret");
        assertThat(ResponseText.unescapeHtml(controller.get(path(second, carried)).body()))
                .contains("overført fra analyse " + first);
        assertThat(ResponseText.unescapeHtml(controller.get("/analyser/" + second + "?status=accepted").body()))
                .contains(PERSON);

        // Navision Stat now says Julie's bookkeeping right starts a month later: the access behind the finding changed.
        demo.replaceExtract("navision", lines -> lines.stream()
                .map(line -> line.startsWith("juho;") ? line.replace(";01-01-2025;;iga-robot", ";01-02-2025;;iga-robot") : line)
                .toList());
        long third = demo.run();
        long reopened = demo.finding(third, RULE, PERSON);
        assertThat(demo.status(third, reopened)).isEqualTo("Åben");
        assertThat(ResponseText.unescapeHtml(manager.get("/beskeder").body()))
                .contains("(person " + PERSON + "), er åbent igen: den underliggende adgang er ændret");
    }

    @Test
    void anExpiredAcceptanceIsOpenAgainAndTheManagerIsTold() throws Exception {
        long first = demo.run();
        long finding = demo.finding(first, RULE, PERSON);
        accept(manager, first, finding, "Kvartalsvis gennemgang", LocalDate.now().plusMonths(6));
        // A year cannot pass in a test; the acceptance is moved to have ended yesterday instead.
        jdbc.sql("update finding_decision set expires_on = ? where institution_id = ?")
                .params(LocalDate.now().minusDays(1), institution.id()).update();

        assertThat(demo.status(first, finding)).isEqualTo("Udløbet – åben igen");
        assertThat(housekeeping.tellAboutExpired(LocalDate.now())).as("the hourly check tells the manager").isEqualTo(1);
        assertThat(housekeeping.tellAboutExpired(LocalDate.now())).as("once").isZero();
        long second = demo.run();
        assertThat(demo.status(second, demo.finding(second, RULE, PERSON))).isEqualTo("Udløbet – åben igen");
        String notices = ResponseText.unescapeHtml(manager.get("/beskeder").body());
        assertThat(notices.split("accepten er udløbet", -1)).as("told once, not again by the next run").hasSize(2);
    }

    @Test
    void nobodyDecidesOnTheirOwnAccessAndAControllerCannotDecideForTheManager() throws Exception {
        long run = demo.run();
        long finding = demo.finding(run, RULE, PERSON);

        HttpResponse<String> byController = accept(controller, run, finding, "Kontrol", LocalDate.now().plusMonths(12));
        assertThat(ResponseText.unescapeHtml(controller.follow(byController).body())).contains("Kun den leder, der er ansvarlig");

        // The manager turns out to be Julie Holm herself (same e-mail as in the HR master).
        jdbc.sql("update app_user set email = 'Julie.Holm@demostyrelsen.dk' where id = ?").param(managerUser.id()).update();
        HttpResponse<String> own = accept(manager, run, finding, "Kontrol", LocalDate.now().plusMonths(12));
        assertThat(ResponseText.unescapeHtml(manager.follow(own).body()))
                .contains("Du kan ikke tage stilling til et fund om din egen adgang.");
        assertThat(jdbc.sql("select count(*) from finding_decision where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anIncompleteAcceptanceIsRefusedWithAMessage() throws Exception {
        long run = demo.run();
        long finding = demo.finding(run, RULE, PERSON);

        assertThat(message(manager, accept(manager, run, finding, " ", LocalDate.now().plusMonths(12))))
                .contains("Beskriv den kompenserende kontrol.");
        assertThat(message(manager, accept(manager, run, finding, "Kontrol", LocalDate.now().plusMonths(25))))
                .contains("Udløbsdatoen ligger for langt ude");
        HttpResponse<String> withoutWorkNeed = manager.postForm(path(run, finding) + "/accepter", List.of(
                Map.entry("_csrf", manager.csrfTokenFrom(path(run, finding))), Map.entry("control", "Kontrol"),
                Map.entry("expiresOn", LocalDate.now().plusMonths(12).toString())));
        assertThat(message(manager, withoutWorkNeed)).contains("Bekræft det arbejdsbetingede behov for hver funktion");
        assertThat(jdbc.sql("select count(*) from finding_decision where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRejectionCreatesAnActionThatItsOwnerCarriesOut() throws Exception {
        long run = demo.run();
        long finding = demo.finding(run, RULE, PERSON);
        LocalDate deadline = LocalDate.now().plusDays(14);

        HttpResponse<String> rejected = manager.postForm(path(run, finding) + "/afvis", List.of(
                Map.entry("_csrf", manager.csrfTokenFrom(path(run, finding))), Map.entry("reason", "Ikke nødvendigt"),
                Map.entry("action", "Fjern NS_BOGHOLDER fra juho"), Map.entry("owner", Long.toString(controllerUser.id())),
                Map.entry("deadline", deadline.toString())));
        assertThat(message(manager, rejected)).contains("Fundet er afvist");
        assertThat(demo.status(run, finding)).isEqualTo("Afvist");
        assertThat(ResponseText.unescapeHtml(controller.get("/beskeder").body()))
                .contains("Du er ansvarlig for en handling: Fjern NS_BOGHOLDER fra juho");

        long action = jdbc.sql("select id from access_action where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        assertThat(manager.submit("/handlinger", "/handlinger/" + action + "/udfoert", Map.of("note", "Fjernet")).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select status from access_action where id = ?").param(action).query(String.class).single())
                .as("only the owner (or an administrator) completes an action").isEqualTo("OPEN");
        controller.submit("/handlinger", "/handlinger/" + action + "/udfoert", Map.of("note", "Rettighedssættet er fjernet i Navision"));
        assertThat(jdbc.sql("select status, done_note from access_action where id = ?").param(action).query().singleRow())
                .containsEntry("status", "DONE").containsEntry("done_note", "Rettighedssættet er fjernet i Navision");
        assertThat(jdbc.sql("select count(*) from audit_entry where institution_id = ? and action = 'REJECT'")
                .param(institution.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void documentedPrivilegedAccessShowsAsDocumentedAlsoInTheNextRun() throws Exception {
        long run = demo.run();
        List<Long> kipe = jdbc.sql("select id from finding where run_id = ? and kind = 'privileged-access' and accounts = 'rejsud:kipe'")
                .param(run).query(Long.class).list();
        assertThat(kipe).hasSize(2);
        long other = jdbc.sql("select min(id) from finding where run_id = ? and kind = 'privileged-access' and accounts <> 'rejsud:kipe'")
                .param(run).query(Long.class).single();

        HttpResponse<String> documented = controller.postForm(path(run, kipe.getFirst()) + "/dokumenter", List.of(
                Map.entry("_csrf", controller.csrfTokenFrom(path(run, kipe.getFirst()))),
                Map.entry("reason", "Lokal administrator for rejseafregning i IT-afdelingen"),
                Map.entry("approvedBy", "Økonomichef Hanne Berg"), Map.entry("approvedOn", LocalDate.now().toString()),
                Map.entry("validUntil", LocalDate.now().plusMonths(6).toString())));

        assertThat(message(controller, documented)).contains("Dokumentationen er gemt.");
        assertThat(demo.status(run, kipe.get(0))).isEqualTo("Dokumenteret");
        assertThat(demo.status(run, kipe.get(1))).isEqualTo("Dokumenteret");
        assertThat(demo.status(run, other)).isEqualTo("Åben");
        long next = demo.run();
        assertThat(jdbc.sql("select count(*) from finding where run_id = ? and kind = 'privileged-access' "
                + "and accounts = 'rejsud:kipe' and documented_until is not null").param(next).query(Long.class).single()).isEqualTo(2);
        assertThat(manager.postForm(path(run, other) + "/dokumenter", List.of(
                Map.entry("_csrf", manager.csrfTokenFrom(path(run, other))), Map.entry("reason", "x"),
                Map.entry("approvedBy", "y"))).statusCode()).as("a manager does not register documentation").isEqualTo(403);
    }

    @Test
    void theManagerSeesThePersonTheMatrixAndTheCitedRows() throws Exception {
        long run = demo.run();
        long finding = demo.finding(run, RULE, PERSON);

        String person = ResponseText.unescapeHtml(manager.get("/personadgang/" + PERSON).body());
        assertThat(person).contains("Julie Holm", "indfak", "navision", "rejsud", "Disponent Faktura", "NS_BOGHOLDER",
                "beløbsgrænse 100000", "Åben");

        String findingPage = ResponseText.unescapeHtml(manager.get(path(run, finding)).body());
        assertThat(findingPage).contains("navision/navision.csv", "juho;P0012;;;Julie Holm;personal;active;NS_BOGHOLDER");
        String csv = manager.get(path(run, finding) + "/kilderaekker.csv").body();
        assertThat(csv).contains("juho;P0012;;;Julie Holm;personal;active;NS_BOGHOLDER").contains("fil;linje");

        String matrix = ResponseText.unescapeHtml(manager.get("/analyser/" + run + "/matrix").body());
        assertThat(matrix).contains("/personadgang/" + PERSON, "✗");
        HttpResponse<byte[]> xlsx = manager.getBytes("/analyser/" + run + "/matrix.xlsx", Map.of());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            workbook.getSheets().forEach(sheet -> {
                try (var rows = sheet.openStream()) {
                    rows.forEach(row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getText())));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(cells).contains(PERSON, RULE);
    }

    private static String path(long run, long finding) {
        return "/analyser/" + run + "/fund/" + finding;
    }

    private HttpResponse<String> accept(WebClient client, long run, long finding, String control, LocalDate expiresOn) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", client.csrfTokenFrom(path(run, finding))));
        fields.add(Map.entry("control", control));
        fields.add(Map.entry("expiresOn", expiresOn.toString()));
        String functions = jdbc.sql("select functions from finding where id = ?").param(finding).query(String.class).single();
        assertThat(functions).as("the functions the work need is confirmed for").isNotBlank();
        for (String function : functions.split("\n")) {
            fields.add(Map.entry("function", function));
        }
        return client.postForm(path(run, finding) + "/accepter", fields);
    }

    /** The page a form's redirect leads to, with its flash message (flash lives in the poster's session). */
    private static String message(WebClient client, HttpResponse<String> answer) {
        return ResponseText.unescapeHtml(client.follow(answer).body());
    }
}

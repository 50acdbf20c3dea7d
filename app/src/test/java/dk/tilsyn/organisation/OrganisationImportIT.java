package dk.tilsyn.organisation;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.ResponseText;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TestUsers.TestUser;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import dk.tilsyn.testsupport.WebClient.FilePart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation import over real HTTP, as an institution's administrator uses it: good files go in (with audit
 * entries), and every kind of bad file is refused whole with a Danish message naming file, line, column and
 * problem — nothing of it stored, nothing already stored touched.
 */
@TilsynIntegrationTest
class OrganisationImportIT {

    private static final String PERSONS_HEADER = "person_id;name;email;username;org_unit;manager_id;employment_end\r\n";
    private static final String PERSONS = PERSONS_HEADER
            + "P1;Søren Ærø;soren@example.invalid;SOAE;DIR;;\r\n"
            + "P2;Åse Høj;aase@example.invalid;AAHO;DIR;P1;31-12-2030\r\n"
            + "P3;Bjørn Ågård;bjorn@example.invalid;BJAA;DIR;P1;1.2.2025\r\n";
    private static final String STORED_NOTHING = "Intet fra filen er gemt, og de eksisterende data er uændrede.";

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    /** The persons import's own limit (the container's multipart ceiling is the larger extracts limit). */
    @Value("${tilsyn.import.max-file-size}")
    DataSize maxFileSize;

    Institution institution;
    WebClient browser;

    @BeforeEach
    void signInAsAdministratorOfAFreshInstitution() {
        institution = testUsers.institution("import");
        TestUser admin = testUsers.user(institution, Role.ADMINISTRATOR);
        browser = new WebClient(port);
        assertThat(WebClient.locationPath(browser.login(admin.username(), admin.password()))).isEqualTo("/");
    }

    @Test
    void aValidPersonsFileIsImportedAndListed() {
        String page = upload("persons", "personer.csv", utf8WithBom(PERSONS));

        assertThat(page).contains("Filen personer.csv er indlæst").contains("Oprettet: 3").contains("Ændret: 0");
        assertThat(personRows()).hasSize(3);
        assertThat(jdbc.sql("select employment_end from person where institution_id = ? and person_key = 'P2'")
                .param(institution.id()).query(String.class).single()).isEqualTo("2030-12-31");
        String list = ResponseText.unescapeHtml(browser.get("/organisation/personer").body());
        assertThat(list).contains("Søren Ærø", "Åse Høj", "Bjørn Ågård");
    }

    @Test
    void reimportingWithOneChangedNameReportsOneChangeAndAuditsBeforeAndAfter() {
        upload("persons", "personer.csv", utf8WithBom(PERSONS));

        String page = upload("persons", "personer.csv", utf8WithBom(PERSONS.replace("Åse Høj", "Åse Høj-Ærlig")));

        assertThat(page).contains("Oprettet: 0").contains("Ændret: 1").contains("Uændret: 2");
        List<Map<String, Object>> updates = jdbc.sql("""
                        select entity_id, before_json, after_json from audit_entry
                        where chain = ? and action = 'UPDATE' and entity_type = 'person'""")
                .param("institution:" + institution.id()).query().listOfRows();
        assertThat(updates).hasSize(1);
        assertThat(String.valueOf(updates.getFirst().get("before_json"))).contains("\"name\":\"Åse Høj\"");
        assertThat(String.valueOf(updates.getFirst().get("after_json"))).contains("\"name\":\"Åse Høj-Ærlig\"");
        long p2 = jdbc.sql("select id from person where institution_id = ? and person_key = 'P2'")
                .param(institution.id()).query(Long.class).single();
        assertThat(updates.getFirst().get("entity_id")).hasToString(Long.toString(p2));
    }

    /** More persons than one JDBC batch holds (1,000): every one is stored, audited by id, and changed again. */
    @Test
    void aFileOfSeveralBatchesIsImportedCompletelyAndReimportedWithChanges() {
        int count = 2_500;
        String page = upload("persons", "mange.csv", utf8WithBom(manyPersons(count, "")));

        assertThat(page).contains("Filen mange.csv er indlæst").contains("Oprettet: 2.500").contains("Ændret: 0");
        assertThat(personRows()).hasSize(count);
        assertThat(jdbc.sql("select count(distinct org_unit_id) from person where institution_id = ?")
                .param(institution.id()).query(Long.class).single()).as("units named only in the file").isEqualTo(7);
        List<String> personIds = jdbc.sql("select id from person where institution_id = ? order by id")
                .param(institution.id()).query(Long.class).list().stream().map(String::valueOf).toList();
        List<String> audited = jdbc.sql("""
                        select entity_id from audit_entry where chain = ? and action = 'CREATE' and entity_type = 'person'
                        order by seq""").param("institution:" + institution.id()).query(String.class).list();
        assertThat(audited).as("one CREATE entry per person, by id, in file order").isEqualTo(personIds);
        assertThat(jdbc.sql("select manager_key from person where institution_id = ? and person_key = 'M2500'")
                .param(institution.id()).query(String.class).single()).isEqualTo("M1");

        String again = upload("persons", "mange.csv", utf8WithBom(manyPersons(count, " Ændret")));

        assertThat(again).contains("Oprettet: 0").contains("Ændret: 1.250").contains("Uændret: 1.250");
        assertThat(jdbc.sql("select count(*) from person where institution_id = ? and name like '% Ændret'")
                .param(institution.id()).query(Long.class).single()).isEqualTo(1_250);
        assertThat(jdbc.sql("select count(*) from audit_entry where chain = ? and action = 'UPDATE' and entity_type = 'person'")
                .param("institution:" + institution.id()).query(Long.class).single()).isEqualTo(1_250);
        assertThat(personRows()).hasSize(count);
    }

    @Test
    void reimportingAFileThatNamesUnitsByNameOrInAnotherCaseChangesNothing() {
        upload("org_units", "enheder.csv", utf8WithBom("org_unit;name;parent\r\nDIR;Direktionen;\r\nOEK;Økonomi og løn;DIR\r\n"));
        String persons = PERSONS_HEADER + "P1;Søren Ærø;;;Økonomi og løn;;\r\nP2;Åse Høj;;;oek;;\r\n";
        assertThat(upload("persons", "personer.csv", utf8WithBom(persons))).contains("Oprettet: 2");

        String again = upload("persons", "personer.csv", utf8WithBom(persons));
        String unitsAgain = upload("org_units", "enheder.csv",
                utf8WithBom("org_unit;name;parent\r\ndir;Direktionen;\r\noek;Økonomi og løn;dir\r\n"));

        assertThat(again).contains("Oprettet: 0").contains("Ændret: 0").contains("Uændret: 2");
        assertThat(unitsAgain).contains("Oprettet: 0").contains("Ændret: 0").contains("Uændret: 2");
        assertThat(jdbc.sql("select count(*) from audit_entry where chain = ? and action = 'UPDATE'")
                .param("institution:" + institution.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from org_unit where institution_id = ?").param(institution.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anOrgUnitsFileBuildsATree() {
        String page = upload("org_units", "enheder.csv", utf8WithBom("""
                org_unit;name;parent\r
                BOG;Bogholderi;OEK\r
                DIR;Direktionen;\r
                OEK;Økonomi og løn;DIR\r
                """));

        assertThat(page).contains("Filen enheder.csv er indlæst").contains("Oprettet: 3");
        Map<String, String> parentOf = jdbc.sql("""
                        select u.code, p.code as parent from org_unit u left join org_unit p on p.id = u.parent_id
                        where u.institution_id = ?""")
                .param(institution.id())
                .query((rs, n) -> Map.entry(rs.getString(1), String.valueOf(rs.getString(2)))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(parentOf).containsExactlyInAnyOrderEntriesOf(Map.of("DIR", "null", "OEK", "DIR", "BOG", "OEK"));
        assertThat(ResponseText.unescapeHtml(browser.get("/organisation").body()))
                .contains("Direktionen", "Økonomi og løn", "Bogholderi");
    }

    @Test
    void aFileWithoutTheRequiredPersonIdColumnIsRefusedWhole() {
        assertRefusedWhole("persons", "uden-id.csv", utf8WithBom("name;email\r\nSøren;s@example.invalid\r\n"),
                "uden-id.csv linje 1: overskriften mangler den påkrævede kolonne \"person_id\"");
    }

    @Test
    void aUtf16FileIsRefusedWhole() {
        byte[] text = PERSONS.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        assertRefusedWhole("persons", "utf16.csv", withBom, "utf16.csv: filen er gemt i tegnkodningen UTF-16");
    }

    @Test
    void anInvalidDateAmongValidRowsRefusesTheWholeFile() {
        assertRefusedWhole("persons", "ugyldig-dato.csv", utf8WithBom(PERSONS_HEADER
                        + "N1;Ny Én;;;DIR;;\r\n"
                        + "N2;Ny To;;;DIR;;31-02-2024\r\n"
                        + "N3;Ny Tre;;;DIR;;01-03-2024\r\n"),
                "ugyldig-dato.csv linje 3, kolonne \"employment_end\": \"31-02-2024\" er ikke en gyldig dato");
        assertThat(jdbc.sql("select count(*) from person where institution_id = ? and person_key like 'N%'")
                .param(institution.id()).query(Long.class).single()).as("none of the valid rows").isZero();
    }

    @Test
    void anEmptyFileIsRefusedWhole() {
        assertRefusedWhole("persons", "tom.csv", new byte[0], "tom.csv: filen er tom (0 bytes).");
    }

    @Test
    void aPngIsRefusedWhole() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
                0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};
        assertRefusedWhole("persons", "billede.csv", png,
                "billede.csv: filen er ikke en CSV-tekstfil eller et XLSX-regneark");
    }

    @Test
    void duplicatePersonIdsAreRefusedWhole() {
        assertRefusedWhole("persons", "dubletter.csv", utf8WithBom(PERSONS_HEADER
                        + "D1;Dorte Ø;;;DIR;;\r\n"
                        + "D1;Dorte Å;;;DIR;;\r\n"),
                "dubletter.csv linje 3, kolonne \"person_id\": \"D1\" findes allerede i linje 2");
    }

    @Test
    void anOrgUnitWithAnUnknownParentIsRefusedWhole() {
        assertRefusedWhole("org_units", "enheder.csv", utf8WithBom("org_unit;name;parent\r\nHR;Personale;UKENDT\r\n"),
                "enheder.csv linje 2, kolonne \"parent\": \"UKENDT\" er ikke en kendt enhed");
        assertThat(jdbc.sql("select count(*) from org_unit where institution_id = ? and code = 'HR'")
                .param(institution.id()).query(Long.class).single()).isZero();
    }

    /** 51 MB over loopback takes well under a second; the limit is read from the configuration, not assumed. */
    @Test
    void aFileOverTheUploadLimitGetsAFriendlyDanishMessage() {
        upload("persons", "personer.csv", utf8WithBom(PERSONS));
        Snapshot before = snapshot();
        ByteArrayOutputStream big = new ByteArrayOutputStream((int) maxFileSize.toBytes() + 2_000_000);
        big.writeBytes(utf8WithBom(PERSONS_HEADER));
        byte[] row = "X;Stor Fil;;;DIR;;\r\n".getBytes(StandardCharsets.UTF_8);
        while (big.size() <= maxFileSize.toBytes() + 1_000_000) {
            big.writeBytes(row);
        }

        HttpResponse<String> answer = browser.postMultipart("/organisation/import",
                List.of(Map.entry("_csrf", browser.csrfTokenFrom("/organisation/import")), Map.entry("kind", "persons")),
                new FilePart("file", "kaempe.csv", "text/csv", big.toByteArray()));
        HttpResponse<String> page = browser.follow(answer);

        assertThat(page.statusCode()).as("answer to a %d-byte upload (first hop: %d): %s", big.size(),
                answer.statusCode(), mainText(page.body())).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/organisation/import");
        assertThat(ResponseText.unescapeHtml(page.body()))
                .contains("Filen er større end den tilladte størrelse. Del den op eller kontakt en administrator.")
                .doesNotContain("Exception");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anAuditorMayNotImport() {
        TestUser auditor = testUsers.user(institution, Role.AUDITOR);
        WebClient auditorBrowser = WebClient.signedIn(port, auditor);
        Snapshot before = snapshot();

        HttpResponse<String> answer = auditorBrowser.postMultipart("/organisation/import",
                List.of(Map.entry("_csrf", auditorBrowser.csrfTokenFrom("/konto")), Map.entry("kind", "persons")),
                new FilePart("file", "personer.csv", "text/csv", utf8WithBom(PERSONS)));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Imports good persons first, then shows the bad file is refused whole and the good persons are untouched. */
    private void assertRefusedWhole(String kind, String fileName, byte[] content, String expectedProblem) {
        upload("persons", "personer.csv", utf8WithBom(PERSONS));
        Snapshot before = snapshot();
        assertThat(before.persons()).hasSize(3);

        String page = upload(kind, fileName, content);

        assertThat(page).contains("Filen " + fileName + " er afvist").contains(STORED_NOTHING)
                .contains(expectedProblem)
                .doesNotContain("Exception").doesNotContain("at dk.tilsyn");
        assertThat(snapshot()).as("%s changed nothing", fileName).isEqualTo(before);
    }

    private String upload(String kind, String fileName, byte[] content) {
        HttpResponse<String> answer = browser.postMultipart("/organisation/import",
                List.of(Map.entry("_csrf", browser.csrfTokenFrom("/organisation/import")), Map.entry("kind", kind)),
                new FilePart("file", fileName, "text/csv", content));
        assertThat(answer.statusCode()).as("upload of %s", fileName).isEqualTo(200);
        return ResponseText.unescapeHtml(answer.body());
    }

    private record Snapshot(List<Map<String, Object>> persons, List<Map<String, Object>> units, long auditEntries) {
    }

    private Snapshot snapshot() {
        return new Snapshot(personRows(),
                jdbc.sql("select * from org_unit where institution_id = ? order by id").param(institution.id())
                        .query().listOfRows(),
                jdbc.sql("select count(*) from audit_entry where chain = ?").param("institution:" + institution.id())
                        .query(Long.class).single());
    }

    private List<Map<String, Object>> personRows() {
        return jdbc.sql("select * from person where institution_id = ? order by id").param(institution.id())
                .query().listOfRows();
    }

    /** The page's main content without markup, for failure messages. */
    private static String mainText(String html) {
        int start = html.indexOf("<main");
        String main = start < 0 ? html : html.substring(start, Math.max(start, html.indexOf("</main>", start)));
        return ResponseText.unescapeHtml(main.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")).strip();
    }

    /** Persons M1…M{count} in seven units; every even-numbered person's name gets {@code suffix}. */
    private static String manyPersons(int count, String suffix) {
        StringBuilder file = new StringBuilder(PERSONS_HEADER);
        for (int i = 1; i <= count; i++) {
            file.append("M").append(i).append(";Person ").append(i).append(i % 2 == 0 ? suffix : "")
                    .append(";m").append(i).append("@example.invalid;M").append(i).append(";ENHED").append(i % 7)
                    .append(";").append(i == 1 ? "" : "M1").append(";\r\n");
        }
        return file.toString();
    }

    private static byte[] utf8WithBom(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bytes.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, withBom, 3, bytes.length);
        return withBom;
    }
}

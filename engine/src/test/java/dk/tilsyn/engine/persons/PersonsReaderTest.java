package dk.tilsyn.engine.persons;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dk.tilsyn.engine.io.ImportProblem;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.io.ReadLimits;
import dk.tilsyn.engine.io.TestFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PersonsReaderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String HEADER = "person_id;name;email;username;org_unit;manager_id;employment_end";

    @TempDir
    Path dir;

    private final PersonsReader reader = new PersonsReader();

    private InvalidInputException rejected(Path file) {
        return catchThrowableOfType(InvalidInputException.class, () -> reader.read(file));
    }

    static Stream<Arguments> encodingsAndDelimiters() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        return Stream.of(
                Arguments.of("utf-8", new byte[0], UTF_8, ";"),
                Arguments.of("utf-8 bom", bom, UTF_8, ","),
                Arguments.of("windows-1252", new byte[0], WINDOWS_1252, "\t"),
                Arguments.of("utf-8 tab", new byte[0], UTF_8, "\t"),
                Arguments.of("windows-1252 comma", new byte[0], WINDOWS_1252, ","));
    }

    @ParameterizedTest(name = "{0} with delimiter [{3}]")
    @MethodSource("encodingsAndDelimiters")
    void danishLettersRoundTripInEveryEncodingAndDelimiter(String label, byte[] bom, Charset charset, String d) {
        String csv = HEADER.replace(";", d) + "\r\n"
                + String.join(d, "P1", "Søren Ærø", "soren@kommune.dk", "sae", "Økonomi", "P2", "31.12.2024") + "\r\n"
                + String.join(d, "P2", "Åse Øster", "", "", "", "", "") + "\r\n";
        Path file = TestFiles.write(dir, "persons.csv", TestFiles.concat(bom, csv.getBytes(charset)));

        PersonsFile result = reader.read(file);

        assertThat(result.persons()).containsExactly(
                new Person("P1", "Søren Ærø", "soren@kommune.dk", "sae", "Økonomi", "P2", LocalDate.of(2024, 12, 31)),
                new Person("P2", "Åse Øster", null, null, null, null, null));
        assertThat(result.facts().rows()).isEqualTo(2);
    }

    @Test
    void quotedFieldsWithDelimitersAndNewlinesKeepLineNumbersRight() {
        String csv = HEADER + "\n"
                + "P1;\"Hansen; Jens\";;;\"Afdeling\nfor\nbørn\";;\n"
                + "P2;Ole;;;;;31-02-2024\n";
        Path file = TestFiles.text(dir, "persons.csv", csv, UTF_8);

        InvalidInputException e = rejected(file);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).isEqualTo("persons.csv linje 5, kolonne \"employment_end\": \"31-02-2024\" er ikke"
                    + " en gyldig dato (forventet åååå-mm-dd, dd-mm-åååå eller dd.mm.åååå).");
        });

        Path valid = TestFiles.text(dir, "ok.csv", csv.replace("31-02-2024", ""), UTF_8);
        assertThat(reader.read(valid).persons()).first()
                .extracting(Person::name, Person::orgUnit).containsExactly("Hansen; Jens", "Afdeling\nfor\nbørn");
    }

    @Test
    void invalidDateMessageNamesFileLineColumnAndValue() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 2; i < 14; i++) {
            csv.append("P").append(i).append(";;;;;;\n");
        }
        csv.append("P14;;;;;;31-02-2024\n");

        InvalidInputException e = rejected(TestFiles.text(dir, "persons.csv", csv.toString(), UTF_8));

        assertThat(e.problems()).singleElement().isEqualTo(new ImportProblem("persons.csv", 14, "employment_end",
                "31-02-2024", "invalid-date", List.of(),
                "persons.csv linje 14, kolonne \"employment_end\": \"31-02-2024\" er ikke en gyldig dato"
                        + " (forventet åååå-mm-dd, dd-mm-åååå eller dd.mm.åååå)."));
    }

    @Test
    void missingRequiredColumnNamesItAndListsTheColumnsFound() {
        InvalidInputException e = rejected(TestFiles.text(dir, "p.csv", "navn;Email\nJens;j@x.dk\n", UTF_8));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("missing-column");
            assertThat(p.message()).isEqualTo("p.csv linje 1: overskriften mangler den påkrævede kolonne \"person_id\"."
                    + " Fundne kolonner: \"navn\", \"Email\".");
        });
    }

    @Test
    void duplicateHeaderIsAnError() {
        InvalidInputException e = rejected(TestFiles.text(dir, "p.csv", "person_id;Name; NAME \nP1;a;b\n", UTF_8));

        assertThat(e.problems()).extracting(ImportProblem::code, ImportProblem::message).containsExactly(tuple(
                "duplicate-column", "p.csv linje 1: kolonnen \"NAME\" står flere gange i overskriften (kolonne 2 og 3)."));
    }

    @Test
    void severalErrorsAreAllListedAndNothingIsReturned() {
        String csv = HEADER + "\n"
                + "P1;;;;;;2024-13-01\n"
                + ";Uden id;;;;;\n"
                + "P3;;;;;;\n"
                + "P1;Igen;;;;;\n";

        InvalidInputException e = rejected(TestFiles.text(dir, "persons.csv", csv, UTF_8));

        assertThat(e.problems()).extracting(ImportProblem::line, ImportProblem::code, ImportProblem::column).containsExactly(
                tuple(2L, "invalid-date", "employment_end"),
                tuple(3L, "required-value", "person_id"),
                tuple(5L, "duplicate-value", "person_id"));
        assertThat(e.problems().get(1).message())
                .isEqualTo("persons.csv linje 3, kolonne \"person_id\": feltet er tomt, men skal udfyldes.");
        assertThat(e.problems().get(2).message())
                .isEqualTo("persons.csv linje 5, kolonne \"person_id\": \"P1\" findes allerede i linje 2 (værdien skal være unik).");
        assertThat(e.omitted()).isZero();
    }

    @Test
    void errorCapKeepsTheFirstProblemsAndCountsTheRest() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 150; i++) {
            csv.append(";Navn uden id;;;;;\n");
        }
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> reader.read(TestFiles.text(dir, "p.csv", csv.toString(), UTF_8)));

        assertThat(e.problems()).hasSize(100);
        assertThat(e.omitted()).isEqualTo(50);
        assertThat(e.problems().get(99).line()).isEqualTo(101);
    }

    @Test
    void headerOnlyAndEmptyFilesAreRejectedWithDistinctCodes() {
        assertThat(rejected(TestFiles.text(dir, "h.csv", HEADER + "\n", UTF_8)).problems())
                .extracting(ImportProblem::code).containsExactly("no-rows");
        assertThat(rejected(TestFiles.write(dir, "e.csv", new byte[0])).problems())
                .extracting(ImportProblem::code).containsExactly("empty-file");
    }

    @Test
    void managerOutsideTheFileIsKeptAsWritten() {
        PersonsFile result = reader.read(TestFiles.text(dir, "p.csv", "person_id,manager_id\nP1,BOSS-9\n", UTF_8));
        assertThat(result.persons()).extracting(Person::managerId).containsExactly("BOSS-9");
    }

    @Test
    void factsAreHashSizeAndRows() throws Exception {
        byte[] bytes = (HEADER + "\nP1;;;;;;\nP2;;;;;;\nP3;;;;;;\n").getBytes(UTF_8);

        PersonsFile result = reader.read(new ByteArrayInputStream(bytes), "upload.csv");

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(result.facts()).isEqualTo(new dk.tilsyn.engine.io.FileFacts("upload.csv", sha, bytes.length, 3));
    }

    @Test
    void readsPersonsFromTheFirstXlsxSheetIncludingRealDateCells() {
        Path file = TestFiles.xlsx(dir, "persons.xlsx", wb -> TestFiles.rows(wb.newWorksheet("Personer"),
                new Object[] {"Person_ID ", "Name", "employment_end"},
                new Object[] {"P1", "Søren Ærø", LocalDate.of(2025, 3, 31)},
                new Object[] {1001, "Åse", "01-04-2025"}));

        PersonsFile result = reader.read(file);

        assertThat(result.persons()).containsExactly(
                new Person("P1", "Søren Ærø", null, null, null, null, LocalDate.of(2025, 3, 31)),
                new Person("1001", "Åse", null, null, null, null, LocalDate.of(2025, 4, 1)));
    }

    @Test
    void limitsComeFromTheCaller() {
        PersonsReader small = new PersonsReader(ReadLimits.defaults().withMaxRows(1));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> small.read(TestFiles.text(dir, "p.csv", "person_id;name\nP1;a\nP2;b\n", UTF_8)));
        assertThat(e.problems()).extracting(ImportProblem::code).containsExactly("too-large");
    }
}

package dk.tilsyn.engine.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format-independent behaviour of the input layer, seen through a small two-column schema. */
class TabularReaderTest {

    private static final Column ID = Column.required("id");
    private static final Column AMOUNT = Column.optional("amount");
    private static final TableSchema SCHEMA = new TableSchema(List.of(ID, AMOUNT), false);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private final List<String> seen = new ArrayList<>();

    private FileFacts read(Path file, ReadLimits limits) {
        return new TabularReader(limits).read(TabularSource.of(file), SCHEMA, row -> {
            BigDecimal amount = row.amount(AMOUNT);
            seen.add(row.line() + ":" + row.required(ID) + ":" + amount);
        });
    }

    private FileFacts read(Path file) {
        return read(file, ReadLimits.defaults());
    }

    private InvalidInputException rejected(Path file, ReadLimits limits) {
        return catchThrowableOfType(InvalidInputException.class, () -> read(file, limits));
    }

    private InvalidInputException rejected(Path file) {
        return rejected(file, ReadLimits.defaults());
    }

    @Test
    void factsHoldHashSizeAndDataRowCount() throws Exception {
        byte[] bytes = "id;amount\r\na;1\r\n\r\nb;2\r\n".getBytes(UTF_8);
        Path file = TestFiles.write(dir, "t.csv", bytes);

        FileFacts facts = read(file);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(facts).isEqualTo(new FileFacts("t.csv", expected, bytes.length, 2));
        assertThat(seen).containsExactly("2:a:1", "4:b:2");
    }

    @Test
    void factsCoverBytesBeyondTheSniffedPrefix() throws Exception {
        StringBuilder csv = new StringBuilder("id,amount\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("person-").append(i).append(",").append(i).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(UTF_8);
        assertThat(bytes.length).isGreaterThan(FormatSniffer.PREFIX_BYTES * 3);

        FileFacts facts = new TabularReader().read(
                TabularSource.of(new ByteArrayInputStream(bytes), "big.csv"), SCHEMA, row -> { });

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(facts).isEqualTo(new FileFacts("big.csv", expected, bytes.length, 20_000));
    }

    @Test
    void headerMatchesCaseInsensitivelyIgnoringSpacesAndExtraColumns() {
        read(TestFiles.text(dir, "t.csv", " ID \t Extra\tAmount \nx\ty\t-3,5\n", UTF_8));
        assertThat(seen).containsExactly("2:x:-3.5");
    }

    @Test
    void windows1252DetectedEvenWhenTheFirstNonAsciiByteIsFarIntoTheFile() {
        StringBuilder csv = new StringBuilder("id;amount\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("p").append(i).append(";1\n");
        }
        csv.append("Søren Ærø;2\n");
        Path file = TestFiles.text(dir, "late.csv", csv.toString(), WINDOWS_1252);

        read(file);

        assertThat(seen).hasSize(10_001).last().isEqualTo("10002:Søren Ærø:2");
    }

    @Test
    void utf8FollowedByInvalidBytesIsAMixedEncodingError() {
        byte[] bytes = TestFiles.concat("id;amount\nÆble;1\nb;2\n".getBytes(UTF_8),
                "Ø;3\n".getBytes(WINDOWS_1252));

        InvalidInputException e = rejected(TestFiles.write(dir, "mixed.csv", bytes));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("mixed-encoding");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void mixedEncodingDeepInAFileNamesItsLine() {
        // Line breaks are counted eight bytes at a time; lines of odd lengths put them at every offset of a word.
        StringBuilder text = new StringBuilder("id;amount\nÆble;1\n");
        for (int line = 3; line < 3_001; line++) {
            text.append("x".repeat(1 + line % 11)).append(';').append(line).append('\n');
        }
        byte[] bytes = TestFiles.concat(text.toString().getBytes(UTF_8), "Ø;3\n".getBytes(WINDOWS_1252));

        InvalidInputException e = rejected(TestFiles.write(dir, "mixed-deep.csv", bytes));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("mixed-encoding");
            assertThat(p.line()).isEqualTo(3_001);
        });
    }

    @Test
    void tiedOrMissingDelimiterIsRejectedNamingTheHeader() {
        InvalidInputException tie = rejected(TestFiles.text(dir, "tie.csv", "id;amount,x\n1;2,3\n", UTF_8));
        assertThat(tie.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("delimiter");
            assertThat(p.message()).isEqualTo("tie.csv linje 1: kan ikke afgøre skilletegnet ud fra overskriften"
                    + " \"id;amount,x\" (forventet semikolon, komma eller tabulator mellem kolonnenavnene).");
        });

        InvalidInputException none = rejected(TestFiles.text(dir, "none.csv", "id amount\n1 2\n", UTF_8));
        assertThat(none.problems()).extracting(ImportProblem::code).containsExactly("delimiter");
    }

    @Test
    void delimiterInsideQuotesInTheHeaderIsNotCounted() {
        read(TestFiles.text(dir, "q.csv", "\"id,x,y\";id;amount\n1;a;2\n", UTF_8));
        assertThat(seen).containsExactly("2:a:2");
    }

    @Test
    void zeroByteFileAndHeaderOnlyFileHaveDistinctErrors() {
        assertThat(rejected(TestFiles.write(dir, "zero.csv", new byte[0])).problems())
                .extracting(ImportProblem::code, ImportProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("empty-file", "zero.csv: filen er tom (0 bytes)."));

        TableSchema rowsRequired = new TableSchema(List.of(ID), true);
        Path headerOnly = TestFiles.text(dir, "header.csv", "id;amount\r\n", UTF_8);
        assertThatThrownBy(() -> new TabularReader().read(TabularSource.of(headerOnly), rowsRequired, row -> { }))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::message)
                        .containsExactly("header.csv: filen har en overskrift, men ingen datarækker."));

        FileFacts facts = read(headerOnly);
        assertThat(facts.rows()).isZero();
    }

    @Test
    void utf16AndUtf32AreRejectedAsUnsupportedEncoding() {
        Path withBom = TestFiles.write(dir, "bom16.csv", TestFiles.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "id;amount\n1;2\n".getBytes(Charset.forName("UTF-16LE"))));
        Path withoutBom = TestFiles.text(dir, "nobom16.csv", "id;amount\n1;2\n", Charset.forName("UTF-16BE"));
        Path utf32 = TestFiles.write(dir, "u32.csv", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 'i', 0, 0, 0});

        for (Path file : List.of(withBom, withoutBom)) {
            assertThat(rejected(file).problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("unsupported-encoding");
                assertThat(p.args()).containsExactly("UTF-16");
            });
        }
        assertThat(rejected(utf32).problems()).extracting(ImportProblem::args).containsExactly(List.of("UTF-32"));
    }

    @Test
    void binaryFilesAreRejected() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[100] = 0;
        byte[] pdf = "%PDF-1.7\n".getBytes(UTF_8);

        assertThat(rejected(TestFiles.write(dir, "p.csv", png)).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("binary-file");
            assertThat(p.message()).isEqualTo("p.csv: filen er ikke en CSV-tekstfil eller et XLSX-regneark"
                    + " (den ligner et PNG-billede); gem den som CSV (UTF-8) eller XLSX.");
        });
        assertThat(rejected(TestFiles.write(dir, "r.csv", noise)).problems())
                .extracting(ImportProblem::code).containsExactly("binary-file");
        assertThat(rejected(TestFiles.write(dir, "d.csv", pdf)).problems())
                .extracting(ImportProblem::code).containsExactly("binary-file");
    }

    @Test
    void rowsWithTheWrongNumberOfFieldsAreErrorsButEmptyTrailingFieldsAreNot() {
        Path file = TestFiles.text(dir, "w.csv", "id;amount\na;1;;\nb\nc;2;x\n", UTF_8);

        InvalidInputException e = rejected(file);

        assertThat(e.problems()).extracting(ImportProblem::code, ImportProblem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("field-count", 3L),
                org.assertj.core.groups.Tuple.tuple("field-count", 4L));
        assertThat(e.problems().get(0).message()).isEqualTo("w.csv linje 3: rækken har 1 felter, men overskriften har 2.");
    }

    @Test
    void everyProblemIsListedUpToTheCapAndTheRestAreCounted() {
        StringBuilder csv = new StringBuilder("id;amount\n");
        for (int i = 0; i < 12; i++) {
            csv.append("x").append(i).append(";abc\n");
        }
        Path file = TestFiles.text(dir, "cap.csv", csv.toString(), UTF_8);

        InvalidInputException e = rejected(file, ReadLimits.defaults().withMaxProblems(5));

        assertThat(e.problems()).hasSize(5).extracting(ImportProblem::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(e.omitted()).isEqualTo(7);
        assertThat(e.getMessage()).startsWith("cap.csv blev afvist (12 fejl):\n").endsWith("… og 7 fejl mere.");
        assertThat(e.problems().get(0).message()).isEqualTo("cap.csv linje 2, kolonne \"amount\": \"abc\" er ikke et gyldigt"
                + " beløb (forventet fx 50000, 50.000, 50.000,00, 50000,5 eller 50000.00).");
    }

    @Test
    void fileAndRowLimitsGiveTooLargeErrors() {
        Path file = TestFiles.text(dir, "big.csv", "id;amount\na;1\nb;2\nc;3\n", UTF_8);

        assertThat(rejected(file, ReadLimits.defaults().withMaxBytes(10)).problems()).singleElement()
                .satisfies(p -> assertThat(p.args()).containsExactly("bytes", "10"))
                .extracting(ImportProblem::code).isEqualTo("too-large");
        assertThat(rejected(file, ReadLimits.defaults().withMaxRows(2)).problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(4))
                .extracting(ImportProblem::code).isEqualTo("too-large");

        InvalidInputException fromStream = catchThrowableOfType(InvalidInputException.class, () -> new TabularReader(
                ReadLimits.defaults().withMaxBytes(10)).read(TabularSource.of(
                        new ByteArrayInputStream("id;amount\na;1\nb;2\n".getBytes(UTF_8)), "up.csv"), SCHEMA, r -> { }));
        assertThat(fromStream.problems()).extracting(ImportProblem::code).containsExactly("too-large");
    }

    @Test
    void unclosedQuoteIsAClearCsvError() {
        InvalidInputException e = rejected(TestFiles.text(dir, "u.csv", "id;amount\n\"a;1\nb;2\n", UTF_8));
        assertThat(e.problems()).extracting(ImportProblem::code).containsExactly("invalid-csv");
    }

    @Test
    void formulaLikeCsvFieldsAreAcceptedAsData() {
        read(TestFiles.text(dir, "f.csv", "id;amount\n=1+1;-5\n@x;\n", UTF_8));
        assertThat(seen).containsExactly("2:=1+1:-5", "3:@x:null");
    }
}

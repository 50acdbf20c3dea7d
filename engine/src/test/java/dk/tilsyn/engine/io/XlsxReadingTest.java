package dk.tilsyn.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReadingTest {

    private static final Column ID = Column.required("id");
    private static final Column WHEN = Column.optional("when");
    private static final Column AMOUNT = Column.optional("amount");
    private static final TableSchema SCHEMA = new TableSchema(List.of(ID, WHEN, AMOUNT), true);

    @TempDir
    Path dir;

    private final List<String> seen = new ArrayList<>();

    private FileFacts read(TabularSource source, ReadLimits limits) {
        return new TabularReader(limits).read(source, SCHEMA, row -> {
            LocalDate when = row.date(WHEN);
            BigDecimal amount = row.amount(AMOUNT);
            seen.add(row.line() + ":" + row.required(ID) + ":" + when + ":" + amount);
        });
    }

    private InvalidInputException rejected(Path file, ReadLimits limits) {
        return catchThrowableOfType(InvalidInputException.class, () -> read(TabularSource.of(file), limits));
    }

    @Test
    void readsTheFirstSheetWithDateCellsAndNumbers() {
        Path file = TestFiles.xlsx(dir, "t.xlsx", wb -> {
            TestFiles.rows(wb.newWorksheet("Ark1"),
                    new Object[] {"ID", "When", "Amount"},
                    new Object[] {"a", LocalDate.of(2024, 2, 29), 1234.5},
                    new Object[] {},
                    new Object[] {12345, "1.2.2024", "50.000,00"});
            TestFiles.rows(wb.newWorksheet("Other"), new Object[] {"nope"});
        });

        FileFacts facts = read(TabularSource.of(file), ReadLimits.defaults());

        assertThat(seen).containsExactly("2:a:2024-02-29:1234.5", "4:12345:2024-02-01:50000.00");
        assertThat(facts.rows()).isEqualTo(2);
    }

    @Test
    void readsANamedSheetAndReportsAMissingOne() {
        Path file = TestFiles.xlsx(dir, "t.xlsx", wb -> {
            TestFiles.rows(wb.newWorksheet("Forside"), new Object[] {"Intet her"});
            TestFiles.rows(wb.newWorksheet("Data"), new Object[] {"id"}, new Object[] {"x"});
        });

        read(TabularSource.of(file).withSheet("Data"), ReadLimits.defaults());
        assertThat(seen).containsExactly("2:x:null:null");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> read(TabularSource.of(file).withSheet("Mangler"), ReadLimits.defaults()));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("missing-sheet");
            assertThat(p.message()).isEqualTo("t.xlsx: arket \"Mangler\" findes ikke. Fundne ark: \"Forside\", \"Data\".");
        });
    }

    @Test
    void readsAnUploadedStream() throws IOException {
        Path file = TestFiles.xlsx(dir, "t.xlsx", wb ->
                TestFiles.rows(wb.newWorksheet("Ark1"), new Object[] {"id"}, new Object[] {"Søren Ærø"}));
        byte[] bytes = Files.readAllBytes(file);

        FileFacts facts = read(TabularSource.of(new ByteArrayInputStream(bytes), "upload.xlsx"), ReadLimits.defaults());

        assertThat(seen).containsExactly("2:Søren Ærø:null:null");
        assertThat(facts.size()).isEqualTo(bytes.length);
    }

    @Test
    void formulaCellsAreRejectedNamingSheetAndCell() {
        Path file = TestFiles.xlsx(dir, "f.xlsx", wb -> {
            var sheet = wb.newWorksheet("Personer");
            TestFiles.rows(sheet, new Object[] {"id", "amount"}, new Object[] {"a", 1}, new Object[] {"b"});
            sheet.formula(2, 1, "B2*2");
        });

        InvalidInputException e = rejected(file, ReadLimits.defaults());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("formula-cell");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("amount");
            assertThat(p.message()).isEqualTo("f.xlsx ark \"Personer\" celle B3, kolonne \"amount\": cellen indeholder"
                    + " formlen \"=B2*2\"; formler beregnes ikke – indsæt værdien i stedet (Indsæt speciel › Værdier).");
        });
    }

    @Test
    void zipBombIsRejectedFromDeclaredSizes() throws IOException {
        Path bomb = zip("bomb.xlsx", 64L * 1024 * 1024);

        InvalidInputException e = rejected(bomb, ReadLimits.defaults().withMaxXlsxUncompressedBytes(16L * 1024 * 1024));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("too-large");
            assertThat(p.value()).isEqualTo("xl/worksheets/sheet1.xml");
        });
        assertThat(Files.size(bomb)).isLessThan(200_000);
    }

    @Test
    void extremeCompressionRatioIsRejected() throws IOException {
        Path bomb = zip("ratio.xlsx", 8L * 1024 * 1024);

        InvalidInputException e = rejected(bomb, ReadLimits.defaults());

        assertThat(e.problems()).extracting(ImportProblem::code, ImportProblem::args).containsExactly(
                org.assertj.core.groups.Tuple.tuple("too-large", List.of("xlsx", "er pakket mere end 200 gange sammen")));
    }

    @Test
    void entryWhoseDeclaredSizeLiesIsStoppedAtTheLimitWhileInflating() throws IOException {
        Path bomb = zip("liar.xlsx", 4L * 1024 * 1024);
        lieAboutUncompressedSizes(bomb);

        InvalidInputException e = rejected(bomb, ReadLimits.defaults()
                .withMaxXlsxUncompressedBytes(1024L * 1024).withMaxXlsxCompressionRatio(Integer.MAX_VALUE));

        assertThat(e.problems()).extracting(ImportProblem::code, ImportProblem::args).containsExactly(
                org.assertj.core.groups.Tuple.tuple("too-large", List.of("xlsx", "pakker ud til mere end 1048576 bytes")));
    }

    @Test
    void zipThatIsNotAWorkbookIsABinaryFile() throws IOException {
        Path file = dir.resolve("a.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hej".getBytes());
        }
        assertThat(rejected(file, ReadLimits.defaults()).problems()).extracting(ImportProblem::code)
                .containsExactly("binary-file");
    }

    /** A zip with a workbook part and a sheet of {@code sheetBytes} zeros: tiny on disk, huge inflated. */
    private Path zip(String name, long sheetBytes) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes());
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < sheetBytes; written += zeros.length) {
                zip.write(zeros);
            }
        }
        return file;
    }

    /** Rewrites every central-directory uncompressed size to 1 byte, as a malicious archive would. */
    private static void lieAboutUncompressedSizes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                bytes[i + 24] = 1;
                bytes[i + 25] = 0;
                bytes[i + 26] = 0;
                bytes[i + 27] = 0;
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}

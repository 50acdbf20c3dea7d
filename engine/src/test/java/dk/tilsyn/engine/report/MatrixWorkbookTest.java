package dk.tilsyn.engine.report;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.analysis.Analyzer;
import dk.tilsyn.engine.analysis.Matrix;
import dk.tilsyn.engine.analysis.Subject;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.rules.RuleSetLoader;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixWorkbookTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final Analyzer ANALYZER = new Analyzer(RuleSetLoader.loadDefault());
    private static final String SHA_PERSONS = "a".repeat(64);
    private static final String SHA_EXTRACT = "0123456789abcdef".repeat(4);
    /** A person id and an explanation as a hostile or careless input file might carry them. */
    private static final String FORMULA_PERSON = "=HYPERLINK(\"http://x\")";
    private static final String FORMULA_EXPLANATION = "@SUM(1+1)*cmd|' /C calc'!A0";

    static Matrix matrix;
    static List<Finding> findings;
    static DataBasis basis;
    static byte[] xlsx;
    static Map<String, List<List<String>>> sheets;

    @BeforeAll
    static void writeAndReadBack() throws IOException {
        List<Subject> subjects = subjects();
        matrix = ANALYZER.matrix(subjects, AS_OF);
        findings = new ArrayList<>(ANALYZER.analyse(subjects, AS_OF));
        findings.add(new Finding(FindingKind.ORPHAN_ACCOUNT, Severity.MEDIUM, "correlation.orphan-account",
                FORMULA_PERSON, List.of("rejsud"), List.of(new AccountRef("rejsud", "-2+3")),
                List.of(new SourceRef("rejsud.csv", 7), new SourceRef("rejsud.csv", 9)), FORMULA_EXPLANATION));
        basis = new DataBasis("oes-udbetalingsproces", "1.0.0", "c".repeat(64), List.of("bundled", "institution"),
                AS_OF, List.of(new InputFile("persons", null, "personer.csv", SHA_PERSONS, 1234, 10),
                new InputFile("extract", "rejsud", "rejsud.csv", SHA_EXTRACT, 98765, 250)));
        xlsx = write(matrix, findings, basis);
        sheets = read(xlsx);
    }

    private static List<Subject> subjects() {
        return List.of(
                Subject.person("A", List.of(account("rejsud", "anna", role("Godkender"), prokura("10000")),
                        account("navision", "anna-ns", role("SUPER"), role("NS_BOGHOLDER")))),
                Subject.person("B", List.of(account("rejsud", "bo", role("Rejsende")))),
                Subject.person(FORMULA_PERSON, List.of(account("indfak", "+evil", role("Indkøber")))),
                Subject.account(new Account("rejsud", "robot1", null, "robot1", null, null, AccountType.ROBOT, true,
                        List.of(role("Rejsende")), List.of())));
    }

    @Test
    void sheetsInOrder() {
        assertThat(sheets.keySet()).containsExactly("Overblik", "Fund", "Datagrundlag");
    }

    @Test
    void overviewHasTwoHeaderRowsShapedLikeTable3() {
        List<List<String>> rows = sheets.get("Overblik");
        List<String> systems = rows.get(0);
        List<String> functions = rows.get(1);
        assertThat(systems.subList(0, 4)).containsExactly("Medarbejder", "", "", "");
        assertThat(functions.subList(0, 4)).containsExactly("Person-id", "Navn", "Konti", "Konflikt");
        int approval = 4 + column("rejsud", "approval");
        int localAdmin = 4 + column("rejsud", "local-admin");
        int posting = 4 + column("navision", "posting");
        assertThat(functions.get(approval)).isEqualTo("Godkender med prokura");
        assertThat(functions.get(localAdmin)).isEqualTo("Lokal systemadministrator (priv.)");
        assertThat(functions.get(4 + column("navision", "super"))).isEqualTo("SUPER (priv.)");
        assertThat(systems.get(4 + column("rejsud", "traveller"))).isEqualTo("RejsUd");
        assertThat(systems.get(posting)).isEqualTo("Navision Stat");
        assertThat(functions).hasSize(4 + matrix.columns().size());
        assertThat(rows).hasSize(2 + matrix.rows().size());
    }

    @Test
    void conflictingCellsAreMarkedInTextAndRowsFlagged() {
        List<String> a = subjectRow("A");
        assertThat(a.subList(0, 4)).containsExactly("A", "Person A (Test anna)",
                "navision/anna-ns; rejsud/anna", "Ja");
        assertThat(a.get(4 + column("rejsud", "approval"))).isEqualTo("X!");
        assertThat(a.get(4 + column("navision", "posting"))).isEqualTo("X!");
        assertThat(a.get(4 + column("navision", "super"))).isEqualTo("X!");
        assertThat(a.get(4 + column("rejsud", "traveller"))).isEmpty();
        List<String> b = subjectRow("B");
        assertThat(b.get(3)).isEqualTo("Nej");
        assertThat(b.get(4 + column("rejsud", "traveller"))).isEqualTo("X");
        assertThat(b.stream().filter(t -> t.startsWith("X"))).containsExactly("X");
    }

    @Test
    void accountSubjectHasNoPersonId() {
        List<String> robot = sheets.get("Overblik").stream().filter(r -> r.get(1).startsWith("Konto rejsud/robot1"))
                .findFirst().orElseThrow();
        assertThat(robot.get(0)).isEmpty();
        assertThat(robot.get(1)).isEqualTo("Konto rejsud/robot1 (robot)");
        assertThat(robot.get(4 + column("rejsud", "traveller"))).isEqualTo("X");
    }

    @Test
    void formulaLikeTextIsStoredAsTextWithAnApostrophe() {
        List<String> evil = subjectRow("'" + FORMULA_PERSON);
        assertThat(evil.get(0)).isEqualTo("'" + FORMULA_PERSON);
        assertThat(evil.get(2)).isEqualTo("indfak/+evil"); // not at the start of the cell: harmless as it is
        List<String> finding = sheets.get("Fund").getLast();
        assertThat(finding.get(3)).isEqualTo("'" + FORMULA_PERSON);
        assertThat(finding.get(7)).isEqualTo("'" + FORMULA_EXPLANATION);
        for (int sheet = 1; sheet <= 3; sheet++) {
            assertThat(XlsxParts.text(xlsx, "xl/worksheets/sheet" + sheet + ".xml")).doesNotContain("<f>");
        }
    }

    @Test
    void findingsOneRowPerFinding() {
        List<List<String>> rows = sheets.get("Fund");
        assertThat(rows.getFirst()).containsExactly("Type", "Alvorlighed", "Regel", "Person", "Systemer", "Konti",
                "Dokumentation (fil:linje)", "Forklaring");
        assertThat(rows).hasSize(1 + findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            List<String> row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo(f.kind().code());
            assertThat(row.get(2)).isEqualTo(f.rule());
            assertThat(row.get(4)).isEqualTo(String.join("; ", f.systems()));
        }
        Finding first = findings.getFirst();
        assertThat(rows.get(1)).containsExactly("sod-conflict", "Kritisk", "approval-and-privileged", "A",
                "navision; rejsud", "navision:anna-ns; rejsud:anna", evidence(first), first.explanation());
        assertThat(rows.getLast().subList(0, 7)).containsExactly("orphan-account", "Middel",
                "correlation.orphan-account", "'" + FORMULA_PERSON, "rejsud", "rejsud:-2+3",
                "rejsud.csv:7; rejsud.csv:9");
    }

    @Test
    void dataBasisListsRuleSetAndInputFingerprints() {
        List<List<String>> rows = sheets.get("Datagrundlag");
        assertThat(rows.subList(0, 6)).extracting(r -> r.subList(0, 2)).containsExactly(
                List.of("Regelsæt", "oes-udbetalingsproces"), List.of("Version", "1.0.0"),
                List.of("Lag", "bundled, institution"), List.of("Indholds-hash (SHA-256)", "c".repeat(64)),
                List.of("Opgørelsesdato", "2025-06-30"), List.of("", ""));
        assertThat(rows.get(6)).containsExactly("Rolle", "System", "Filnavn", "SHA-256", "Størrelse (bytes)",
                "Rækker");
        assertThat(rows.get(7)).containsExactly("persons", "", "personer.csv", SHA_PERSONS, "1234", "10");
        assertThat(rows.get(8)).containsExactly("extract", "rejsud", "rejsud.csv", SHA_EXTRACT, "98765", "250");
    }

    @Test
    void layoutMergesSystemsFreezesPanesAndFilters() {
        String overview = XlsxParts.text(xlsx, "xl/worksheets/sheet1.xml");
        String rejsud = XlsxParts.columnName(4 + column("rejsud", "traveller")) + "1:"
                + XlsxParts.columnName(4 + column("rejsud", "local-admin-prokura")) + "1";
        assertThat(overview).contains("<mergeCell ref=\"A1:D1\"/>", "<mergeCell ref=\"" + rejsud + "\"/>");
        assertThat(overview).contains("xSplit=\"4\"", "ySplit=\"2\"", "topLeftCell=\"E3\"");
        String lastColumn = XlsxParts.columnName(3 + matrix.columns().size());
        assertThat(overview).contains("<autoFilter ref=\"A2:" + lastColumn + (2 + matrix.rows().size()) + "\"");
        String found = XlsxParts.text(xlsx, "xl/worksheets/sheet2.xml");
        assertThat(found).contains("ySplit=\"1\"", "<autoFilter ref=\"A1:H" + (1 + findings.size()) + "\"");
    }

    @Test
    void conflictCellsAreFilledLightRed() {
        int row = 3 + matrix.rows().stream().map(Matrix.Row::personId).toList().indexOf("A");
        String conflict = XlsxParts.columnName(4 + column("rejsud", "approval")) + row;
        String plain = XlsxParts.columnName(4 + column("rejsud", "traveller"))
                + (3 + matrix.rows().stream().map(Matrix.Row::personId).toList().indexOf("B"));
        assertThat(XlsxParts.fillOf(xlsx, "xl/worksheets/sheet1.xml", conflict)).endsWith(SheetStyles.CONFLICT_FILL);
        assertThat(XlsxParts.fillOf(xlsx, "xl/worksheets/sheet1.xml", plain)).isNull();
    }

    @Test
    void sameInputSameCellsAndTheStreamIsLeftOpen() throws IOException {
        assertThat(read(write(matrix, findings, basis))).isEqualTo(sheets);
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        MatrixWorkbook.write(matrix, List.of(), basis, out);
        assertThat(closed[0]).isFalse();
        assertThat(read(out.toByteArray()).get("Fund")).hasSize(1);
    }

    @Test
    void emptyMatrixStillMakesAValidWorkbook() throws IOException {
        Matrix empty = ANALYZER.matrix(List.of(), AS_OF);
        DataBasis bare = new DataBasis("x", "1", "h", List.of(), AS_OF, List.of());
        Map<String, List<List<String>>> read = read(write(empty, List.of(), bare));
        assertThat(read.get("Overblik")).hasSize(2);
        assertThat(read.get("Datagrundlag")).hasSize(7);
    }

    private static String evidence(Finding finding) {
        return String.join("; ", finding.evidence().stream().map(e -> e.file() + ":" + e.line()).toList());
    }

    private static List<String> subjectRow(String personIdCell) {
        return sheets.get("Overblik").stream().skip(2).filter(r -> r.get(0).equals(personIdCell)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + personIdCell));
    }

    private static int column(String system, String function) {
        for (int i = 0; i < matrix.columns().size(); i++) {
            Matrix.Column c = matrix.columns().get(i);
            if (c.system().equals(system) && c.function().equals(function)) {
                return i;
            }
        }
        throw new AssertionError(system + "." + function);
    }

    static byte[] write(Matrix matrix, List<Finding> findings, DataBasis basis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatrixWorkbook.write(matrix, findings, basis, out);
        return out.toByteArray();
    }

    /**
     * Every sheet as rows of cell texts, each row padded to the sheet's widest row and missing rows filled in, so
     * positions compare.
     */
    static Map<String, List<List<String>>> read(byte[] xlsx) throws IOException {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                List<Row> rows = sheet.read();
                int width = rows.stream().mapToInt(Row::getCellCount).max().orElse(0);
                List<List<String>> texts = new ArrayList<>();
                for (Row row : rows) {
                    while (texts.size() < row.getRowNum() - 1) {
                        texts.add(new ArrayList<>(Collections.nCopies(width, "")));
                    }
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < width; c++) {
                        cells.add(c < row.getCellCount() ? row.getCellText(c) : "");
                    }
                    texts.add(cells);
                }
                sheets.put(sheet.getName(), texts);
            }
        }
        return sheets;
    }

    private static Account account(String system, String name, Assignment... assignments) {
        return new Account(system, name, null, name, null, "Test " + name, AccountType.PERSONAL, true,
                List.of(assignments), List.of());
    }

    private static Assignment role(String name) {
        return new Assignment(name, EntitlementType.ROLE, null, null, null, null, null, new SourceRef("x.csv", 1));
    }

    private static Assignment prokura(String amount) {
        return new Assignment("Prokura", EntitlementType.PROKURA, new BigDecimal(amount), null, null, null, null,
                new SourceRef("x.csv", 2));
    }
}

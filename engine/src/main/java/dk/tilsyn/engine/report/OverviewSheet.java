package dk.tilsyn.engine.report;

import dk.tilsyn.engine.analysis.Matrix;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.util.List;

/**
 * The "Overblik" sheet: the matrix laid out like 004 appendix 2 table 3 ("Redskab til oversigt over medarbejderes
 * adgange på tværs af systemer"). Row 1 names the systems, each spanning its function columns; row 2 names the
 * functions; one row per subject below. Rows are flushed as they are written, so memory stays flat however many
 * subjects there are.
 */
final class OverviewSheet {

    static final String NAME = "Overblik";
    static final int HEADER_ROWS = 2;
    static final List<String> FIXED_HEADERS = List.of("Person-id", "Navn", "Konti", "Konflikt");
    static final String SUBJECT_GROUP = "Medarbejder";
    static final String PRIVILEGED_SUFFIX = " (priv.)";
    static final String HELD = "X";
    static final String CONFLICT = "X!";
    static final String YES = "Ja";
    static final String NO = "Nej";
    static final String ACCOUNT_SEPARATOR = "; ";
    private static final int FIXED = FIXED_HEADERS.size();
    private static final int CONFLICT_COLUMN = 3;
    private static final int FLUSH_EVERY = 1_000;
    private static final double FUNCTION_WIDTH = 14;
    private static final int TITLE_CHARS_PER_LINE = 12;

    private final Worksheet sheet;
    private final Matrix matrix;

    OverviewSheet(Worksheet sheet, Matrix matrix) {
        this.sheet = sheet;
        this.matrix = matrix;
    }

    void write() throws IOException {
        layout();
        header();
        List<Matrix.Row> rows = matrix.rows();
        for (int i = 0; i < rows.size(); i++) {
            row(HEADER_ROWS + i, rows.get(i));
            if ((i + 1) % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }
        sheet.finish();
    }

    /** Widths, panes and the filter go into the sheet's preamble, so they are set before the first flush. */
    private void layout() {
        int lastColumn = FIXED + matrix.columns().size() - 1;
        sheet.width(0, ColumnWidths.of(matrix.rows().stream().map(Matrix.Row::personId), 10, 20));
        sheet.width(1, ColumnWidths.of(matrix.rows().stream().map(Matrix.Row::label), 12, 50));
        sheet.width(2, ColumnWidths.of(matrix.rows().stream()
                .map(r -> String.join(ACCOUNT_SEPARATOR, r.accounts())), 12, 60));
        sheet.width(CONFLICT_COLUMN, 10);
        for (int c = FIXED; c <= lastColumn; c++) {
            sheet.width(c, FUNCTION_WIDTH);
        }
        sheet.freezePane(FIXED, HEADER_ROWS);
        sheet.setAutoFilter(HEADER_ROWS - 1, 0, HEADER_ROWS - 1 + matrix.rows().size(), lastColumn);
    }

    private void header() {
        sheet.value(0, 0, SUBJECT_GROUP);
        sheet.range(0, 0, 0, FIXED - 1).merge();
        SheetStyles.centredHeader(sheet.range(0, 0, 0, FIXED - 1));
        for (int c = 0; c < FIXED; c++) {
            sheet.value(1, c, FIXED_HEADERS.get(c));
        }
        List<Matrix.Column> columns = matrix.columns();
        int longestTitle = 0;
        for (int i = 0; i < columns.size(); i++) {
            String title = title(columns.get(i));
            sheet.value(1, FIXED + i, title);
            longestTitle = Math.max(longestTitle, title.length());
        }
        systemNames(columns);
        SheetStyles.header(sheet.range(1, 0, 1, FIXED + Math.max(columns.size(), 1) - 1));
        int lines = Math.min(6, Math.max(1, (longestTitle + TITLE_CHARS_PER_LINE - 1) / TITLE_CHARS_PER_LINE));
        sheet.rowHeight(1, 15.0 * lines);
    }

    /** One merged cell per run of adjacent columns of the same system. */
    private void systemNames(List<Matrix.Column> columns) {
        int start = 0;
        for (int i = 1; i <= columns.size(); i++) {
            if (i < columns.size() && columns.get(i).system().equals(columns.get(start).system())) {
                continue;
            }
            Matrix.Column first = columns.get(start);
            String name = first.systemName() == null || first.systemName().isBlank() ? first.system()
                    : first.systemName();
            sheet.value(0, FIXED + start, CellText.safe(name));
            if (i - 1 > start) {
                sheet.range(0, FIXED + start, 0, FIXED + i - 1).merge();
            }
            SheetStyles.centredHeader(sheet.range(0, FIXED + start, 0, FIXED + i - 1));
            start = i;
        }
    }

    static String title(Matrix.Column column) {
        String title = column.title() == null || column.title().isBlank() ? column.function() : column.title();
        return CellText.safe(column.privileged() ? title + PRIVILEGED_SUFFIX : title);
    }

    private void row(int r, Matrix.Row row) {
        if (row.personId() != null) {
            sheet.value(r, 0, CellText.safe(row.personId()));
        }
        sheet.value(r, 1, CellText.safe(row.label()));
        sheet.value(r, 2, CellText.join(row.accounts(), ACCOUNT_SEPARATOR));
        sheet.value(r, CONFLICT_COLUMN, row.conflict() ? YES : NO);
        if (row.conflict()) {
            SheetStyles.conflict(sheet, r, CONFLICT_COLUMN);
        }
        List<Matrix.Cell> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            cell(r, FIXED + i, cells.get(i));
        }
    }

    private void cell(int r, int c, Matrix.Cell cell) {
        if (cell.conflict()) {
            // A conflict always involves a held function; "X!" keeps it visible in print and to colour-blind readers.
            sheet.value(r, c, CONFLICT);
            SheetStyles.conflict(sheet, r, c);
        } else if (cell.held()) {
            sheet.value(r, c, HELD);
            SheetStyles.centred(sheet, r, c);
        }
    }
}

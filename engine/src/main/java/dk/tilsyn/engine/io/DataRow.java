package dk.tilsyn.engine.io;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One data row seen through the expected columns. Values come back trimmed, with empty cells as
 * null. The typed accessors report a problem and return null when the text is not valid, so a
 * handler can read a whole row and every error in it gets listed.
 *
 * <p>Reused from row to row: {@link RowHandler} must not keep it.
 */
public final class DataRow {

    private final HeaderMapping mapping;
    private final ProblemCollector problems;
    private RawRow raw;
    private boolean problemInRow;

    DataRow(HeaderMapping mapping, ProblemCollector problems) {
        this.mapping = mapping;
        this.problems = problems;
    }

    void moveTo(RawRow next) {
        this.raw = next;
        this.problemInRow = false;
    }

    /** Physical line (CSV) or row number (XLSX) where this row starts; the header is line 1. */
    public long line() {
        return raw.line();
    }

    /** The trimmed text, or null when the cell is empty or the file lacks the (optional) column. */
    public String text(Column column) {
        int position = mapping.position(column);
        if (position < 0) {
            return null;
        }
        String value = raw.cell(position).strip();
        return value.isEmpty() ? null : value;
    }

    /** Like {@link #text} but reports a {@code required-value} problem when empty. */
    public String required(Column column) {
        String value = text(column);
        if (value == null) {
            report(Problems.requiredValue(locate(column)));
        }
        return value;
    }

    /** The date per {@link DateParser}, null when empty; reports {@code invalid-date} when malformed. */
    public LocalDate date(Column column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        LocalDate date = DateParser.parse(value).orElse(null);
        if (date == null) {
            report(Problems.invalidDate(locate(column), value));
        }
        return date;
    }

    /** The amount per {@link AmountParser}, null when empty; reports {@code invalid-amount} when malformed. */
    public BigDecimal amount(Column column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        BigDecimal amount = AmountParser.parse(value).orElse(null);
        if (amount == null) {
            report(Problems.invalidAmount(locate(column), value));
        }
        return amount;
    }

    /** Where the column's cell in this row is, for problems the handler words itself. */
    public Location locate(Column column) {
        int position = mapping.position(column);
        String name = position < 0 ? column.name() : mapping.headerName(position);
        return raw.locate(Math.max(position, 0), name);
    }

    /** Records a problem found by the handler (e.g. a duplicate key). */
    public void report(ImportProblem problem) {
        problemInRow = true;
        problems.add(problem);
    }

    /** Whether any problem was reported for this row, so the handler can skip building a value. */
    public boolean hasProblems() {
        return problemInRow;
    }
}

package dk.tilsyn.engine.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a format's raw rows into mapped {@link DataRow}s: the first row is the header, blank rows
 * are skipped, data rows are counted against the row limit and handed to the handler.
 */
final class RowAssembler {

    private final String file;
    private final TableSchema schema;
    private final long maxRows;
    private final ProblemCollector problems;
    private final RowHandler handler;
    private HeaderMapping mapping;
    private DataRow dataRow;
    private long rows;

    RowAssembler(String file, TableSchema schema, long maxRows, ProblemCollector problems, RowHandler handler) {
        this.file = file;
        this.schema = schema;
        this.maxRows = maxRows;
        this.problems = problems;
        this.handler = handler;
    }

    boolean hasHeader() {
        return mapping != null;
    }

    /** Maps the header; a file whose header is wrong is rejected at once, row errors would be noise. */
    void header(RawRow row) {
        List<String> names = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            names.add(row.cell(i));
        }
        if (names.stream().allMatch(String::isBlank)) {
            throw problems.fatal(Problems.missingHeader(Location.ofLine(file, row.line())));
        }
        mapping = HeaderMapping.resolve(names, schema, Location.ofLine(file, row.line()), problems);
        problems.throwIfAny();
        dataRow = new DataRow(mapping, problems);
    }

    int headerWidth() {
        return mapping.width();
    }

    /** The header text at a position, for messages about cells outside the schema; may be null. */
    String columnName(int position) {
        return mapping == null ? null : mapping.headerName(position);
    }

    static boolean isBlank(RawRow row) {
        for (int i = 0; i < row.size(); i++) {
            if (!row.cell(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Counts a data row, faulty or not, against the row limit. */
    void count(RawRow row) {
        rows++;
        if (rows > maxRows) {
            throw problems.fatal(Problems.tooManyRows(file, row.line(), maxRows));
        }
    }

    void data(RawRow row) {
        dataRow.moveTo(row);
        handler.row(dataRow);
    }

    long rows() {
        return rows;
    }

    /** Called after the last row. */
    void finish() {
        if (mapping == null) {
            throw problems.fatal(Problems.emptyFile(file));
        }
        if (rows == 0 && schema.requireRows()) {
            problems.add(Problems.noRows(file));
        }
    }
}

package dk.tilsyn.engine.io;

import java.util.List;

/**
 * The columns a file must or may have.
 *
 * @param columns     expected columns; others in the file are ignored
 * @param requireRows whether a file with a header but no data rows is an error
 */
public record TableSchema(List<Column> columns, boolean requireRows) {

    public TableSchema {
        columns = List.copyOf(columns);
    }
}

package dk.tilsyn.engine.io;

/** Receives the data rows of a file one at a time, in file order. */
@FunctionalInterface
public interface RowHandler {

    /**
     * Handles one data row. The row object is reused for the next row, so keep values, not the
     * row. Problems are reported through the row; the file is rejected after the last row.
     */
    void row(DataRow row);
}

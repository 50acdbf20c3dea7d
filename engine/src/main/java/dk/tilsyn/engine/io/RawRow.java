package dk.tilsyn.engine.io;

/** A row as a table format delivers it, before header mapping. */
interface RawRow {

    long line();

    int size();

    /** The cell's text, never null ("" when empty or beyond the row's end). */
    String cell(int position);

    /** Where a cell of this row is, for messages. */
    Location locate(int position, String columnName);
}

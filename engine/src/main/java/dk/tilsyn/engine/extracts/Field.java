package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.io.Column;
import dk.tilsyn.engine.io.DataRow;
import java.util.Locale;
import java.util.Map;

/**
 * One canonical column as a particular file layout delivers it: read from a header (possibly under another name),
 * translated through a code map, or fixed by a constant.
 *
 * @param canonical the canonical column name, e.g. {@code status}
 * @param column    the column to read, or null when {@code constant} supplies the value
 * @param constant  the value for every row, or null
 * @param codes     report code (lowercase, trimmed) → canonical code; empty when the file uses canonical codes
 */
record Field(String canonical, Column column, String constant, Map<String, String> codes) {

    /** The value as written in the file (or the constant), before code translation; null when empty. */
    String raw(DataRow row) {
        return column == null ? constant : row.text(column);
    }

    /** The value with the layout's code translation applied; values without a translation pass unchanged. */
    String text(DataRow row) {
        return translate(raw(row));
    }

    String translate(String value) {
        if (value == null || codes.isEmpty()) {
            return value;
        }
        String mapped = codes.get(value.toLowerCase(Locale.ROOT));
        return mapped != null ? mapped : value;
    }

    /** Whether the value comes from the file (so it has a cell to point at in messages). */
    boolean fromFile() {
        return column != null;
    }
}

package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.io.Column;
import dk.tilsyn.engine.io.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a file's columns map onto a reader's canonical columns. The canonical layout reads the canonical names; an
 * import profile supplies other header names, code translations and constants, so a system's report can be read
 * exactly as exported, through the same reader.
 */
public final class Layout {

    private final Map<String, Field> fields;

    private Layout(Map<String, Field> fields) {
        this.fields = fields;
    }

    /** The layout whose headers are the canonical names themselves. */
    public static Layout canonical(List<Column> canonicalColumns) {
        return of(canonicalColumns, Map.of(), Map.of(), Map.of());
    }

    /**
     * A layout for a report.
     *
     * @param canonicalColumns the reader's columns
     * @param headers          canonical name → the report's header names, first preferred; columns not named here
     *                         are looked for under their canonical name
     * @param codes            canonical name → report code → canonical code (report codes match case-insensitively)
     * @param constants        canonical name → value for every row; such a column is not read from the file
     * @throws IllegalArgumentException when a key is not a canonical column
     */
    public static Layout of(List<Column> canonicalColumns, Map<String, List<String>> headers,
            Map<String, Map<String, String>> codes, Map<String, String> constants) {
        Map<String, Column> byName = new LinkedHashMap<>();
        canonicalColumns.forEach(c -> byName.put(c.name(), c));
        checkKeys(byName, headers.keySet());
        checkKeys(byName, codes.keySet());
        checkKeys(byName, constants.keySet());
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Column canonical : canonicalColumns) {
            String name = canonical.name();
            String constant = constants.get(name);
            Column column = constant != null ? null
                    : Column.anyOf(headers.getOrDefault(name, List.of(name)), canonical.required());
            fields.put(name, new Field(name, column, constant, lowerKeys(codes.getOrDefault(name, Map.of()))));
        }
        return new Layout(fields);
    }

    private static void checkKeys(Map<String, Column> known, Iterable<String> keys) {
        for (String key : keys) {
            if (!known.containsKey(key)) {
                throw new IllegalArgumentException("unknown canonical column '" + key + "'; known: " + known.keySet());
            }
        }
    }

    private static Map<String, String> lowerKeys(Map<String, String> codes) {
        Map<String, String> lower = new HashMap<>();
        codes.forEach((from, to) -> lower.put(from.strip().toLowerCase(Locale.ROOT), to));
        return Map.copyOf(lower);
    }

    Field field(String canonical) {
        Field field = fields.get(canonical);
        if (field == null) {
            throw new IllegalArgumentException("not a canonical column: " + canonical);
        }
        return field;
    }

    /** The columns to read from the file: every canonical column not fixed by a constant. */
    TableSchema schema(boolean requireRows) {
        List<Column> columns = new ArrayList<>();
        for (Field field : fields.values()) {
            if (field.column() != null) {
                columns.add(field.column());
            }
        }
        return new TableSchema(columns, requireRows);
    }
}

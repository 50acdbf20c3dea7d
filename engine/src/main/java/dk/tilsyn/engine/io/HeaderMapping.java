package dk.tilsyn.engine.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which position in a row holds which expected column. Header names match case-insensitively,
 * ignoring surrounding spaces and a stray byte-order mark, because files are typed by people and
 * re-saved by spreadsheets.
 */
final class HeaderMapping {

    private static final int ABSENT = -1;

    private final List<String> header;
    private final Map<Column, Integer> positions;
    /**
     * The same positions keyed by the schema's own Column instances. Readers pass those instances for every cell of
     * every row; a record's hashCode/equals walk all its components each time, which showed up as the largest cost
     * of reading a million-row extract after CSV parsing itself.
     */
    private final Map<Column, Integer> byInstance;

    private HeaderMapping(List<String> header, Map<Column, Integer> positions) {
        this.header = header;
        this.positions = positions;
        this.byInstance = new IdentityHashMap<>(positions);
    }

    static String normalize(String name) {
        return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    /** Maps the header row, adding problems for duplicate names and missing required columns. */
    static HeaderMapping resolve(List<String> header, TableSchema schema, Location at, ProblemCollector problems) {
        Map<String, Integer> firstPosition = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalize(header.get(i));
            if (name.isEmpty()) {
                continue;
            }
            Integer earlier = firstPosition.putIfAbsent(name, i);
            if (earlier != null) {
                problems.add(Problems.duplicateColumn(at, header.get(i).strip(), earlier + 1, i + 1));
            }
        }
        Map<Column, Integer> positions = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Column column : schema.columns()) {
            Integer position = null;
            for (String name : column.names()) {
                position = position != null ? position : firstPosition.get(name);
            }
            positions.put(column, position == null ? ABSENT : position);
            if (position == null && column.required()) {
                missing.add(String.join("\" eller \"", column.names()));
            }
        }
        if (!missing.isEmpty()) {
            List<String> found = header.stream().map(h -> h.replace("\uFEFF", "").strip())
                    .filter(h -> !h.isEmpty()).toList();
            problems.add(Problems.missingColumns(at, missing, found));
        }
        return new HeaderMapping(List.copyOf(header), positions);
    }

    /** Position of the column in the row, or -1 when the file does not have it. */
    int position(Column column) {
        Integer position = byInstance.get(column);
        if (position != null) {
            return position;
        }
        position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException("column not in schema: " + column.name());
        }
        return position;
    }

    int width() {
        return header.size();
    }

    /** The header text as the user wrote it, for messages; null past the header's end. */
    String headerName(int position) {
        return position < header.size() ? header.get(position).replace("\uFEFF", "").strip() : null;
    }
}

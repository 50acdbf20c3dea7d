package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.io.DataRow;
import dk.tilsyn.engine.io.ImportProblem;
import dk.tilsyn.engine.io.Location;
import dk.tilsyn.engine.io.ProblemCode;
import dk.tilsyn.engine.io.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads coded cells (account type, status, entitlement type) against their allowed values. An unknown code is
 * reported with the cell and every allowed value, including the report's own codes when a profile maps them,
 * because the person fixing the file thinks in the report's terms.
 */
final class Codes<T> {

    private final Map<String, T> byCode;
    /**
     * The same codes as arrays: three coded cells on each of millions of rows, and a handful of codes, are found
     * faster by comparing than by hashing a freshly read string.
     */
    private final String[] codes;
    private final T[] values;

    @SuppressWarnings("unchecked")
    private Codes(Map<String, T> byCode) {
        this.byCode = byCode;
        this.codes = byCode.keySet().toArray(String[]::new);
        this.values = (T[]) byCode.values().toArray();
    }

    static <E extends Enum<E>> Codes<E> of(E[] values, Function<E, String> code) {
        Map<String, E> byCode = new LinkedHashMap<>();
        for (E value : values) {
            byCode.put(code.apply(value), value);
        }
        return new Codes<>(byCode);
    }

    /** The value for a canonical code (case-insensitive), or null. */
    T lookup(String code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(code)) {
                return values[i];
            }
        }
        return byCode.get(code.toLowerCase(Locale.ROOT));
    }

    /** The value of the cell, null when empty, or null with an {@code invalid-code} problem reported. */
    T read(DataRow row, Field field) {
        String raw = field.raw(row);
        if (raw == null) {
            return null;
        }
        T value = lookup(field.translate(raw));
        if (value == null) {
            if (!field.fromFile()) {
                throw new IllegalStateException("constant " + field.canonical() + "=" + raw + " was not validated");
            }
            row.report(invalidCode(row.locate(field.column()), raw, allowedValues(field)));
        }
        return value;
    }

    /** The report's own codes (when a profile maps them) followed by the canonical codes. */
    List<String> allowedValues(Field field) {
        List<String> values = new ArrayList<>(new TreeSet<>(field.codes().keySet()));
        values.addAll(byCode.keySet());
        return values;
    }

    List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    static ImportProblem invalidCode(Location at, String value, List<String> allowed) {
        return Problems.of(at, value, ProblemCode.INVALID_CODE, List.of(String.join(",", allowed)),
                "\"" + value + "\" er ikke en gyldig værdi (tilladt: " + String.join(", ", allowed) + ").");
    }
}

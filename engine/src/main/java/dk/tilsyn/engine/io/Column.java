package dk.tilsyn.engine.io;

import java.util.Locale;

/**
 * A column a reader expects, by its canonical header name.
 *
 * @param name     canonical name, lowercase, e.g. {@code person_id}
 * @param required whether a file without this column is rejected
 */
public record Column(String name, boolean required) {

    public Column {
        name = HeaderMapping.normalize(name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
    }

    public static Column required(String name) {
        return new Column(name, true);
    }

    public static Column optional(String name) {
        return new Column(name, false);
    }
}

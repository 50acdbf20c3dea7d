package dk.tilsyn.engine.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A column a reader expects, by its canonical header name.
 *
 * @param name         canonical name, lowercase, e.g. {@code person_id}
 * @param required     whether a file without this column is rejected
 * @param alternatives further header names that also match this column, in order of preference; import profiles
 *                     use them because a system's report names a column differently from version to version
 */
public record Column(String name, boolean required, List<String> alternatives) {

    public Column {
        name = HeaderMapping.normalize(name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
        alternatives = alternatives.stream().map(HeaderMapping::normalize).filter(a -> !a.isEmpty()).toList();
    }

    public Column(String name, boolean required) {
        this(name, required, List.of());
    }

    public static Column required(String name) {
        return new Column(name, true);
    }

    public static Column optional(String name) {
        return new Column(name, false);
    }

    /** A column known by any of the given header names; the first one found in the header is used. */
    public static Column anyOf(List<String> names, boolean required) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one name is required");
        }
        return new Column(names.getFirst(), required, names.subList(1, names.size()));
    }

    /** Every header name that matches, the canonical name first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(1 + alternatives.size());
        names.add(name);
        names.addAll(alternatives);
        return names;
    }
}

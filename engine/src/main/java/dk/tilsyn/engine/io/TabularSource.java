package dk.tilsyn.engine.io;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to read: either a path or a stream (e.g. an upload), with the name users know it by.
 *
 * @param name   display name used in messages and facts, e.g. {@code persons.csv}
 * @param path   the file, or null when reading from {@code stream}
 * @param stream the bytes, or null when reading from {@code path}; read once, not closed
 * @param sheet  for XLSX, the sheet to read; null means the first sheet
 */
public record TabularSource(String name, Path path, InputStream stream, String sheet) {

    public TabularSource {
        Objects.requireNonNull(name, "name");
        if ((path == null) == (stream == null)) {
            throw new IllegalArgumentException("exactly one of path and stream is required");
        }
    }

    public static TabularSource of(Path path) {
        return new TabularSource(path.getFileName().toString(), path, null, null);
    }

    public static TabularSource of(Path path, String name) {
        return new TabularSource(name, path, null, null);
    }

    public static TabularSource of(InputStream stream, String name) {
        return new TabularSource(name, null, stream, null);
    }

    /** The same source, reading the named sheet of an XLSX file (ignored for CSV). */
    public TabularSource withSheet(String sheetName) {
        return new TabularSource(name, path, stream, sheetName);
    }
}

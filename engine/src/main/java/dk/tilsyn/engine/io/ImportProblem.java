package dk.tilsyn.engine.io;

import java.util.List;

/**
 * One thing wrong with an input file, precise enough for a user to find and fix it.
 *
 * <p>{@code message} is a complete Danish sentence for direct display; {@code code} and
 * {@code args} let the web app render its own translation instead.
 *
 * @param file    the file's display name
 * @param line    physical line (CSV) or row number (XLSX), 1 = header; 0 when the problem is the whole file
 * @param column  the column name as written in the header, or null when not about one column
 * @param value   the offending value as read, or null
 * @param code    stable machine-readable code, see {@link ProblemCode}
 * @param args    code-specific details for translation (never includes file, line, column or value)
 * @param message Danish sentence naming file, line, column, value and what was expected
 */
public record ImportProblem(
        String file, long line, String column, String value, String code, List<String> args, String message) {

    public ImportProblem {
        args = List.copyOf(args);
    }
}

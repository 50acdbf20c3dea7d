package dk.tilsyn.engine.report;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Text as it may go into a spreadsheet cell. Account names, person ids and explanations come from the
 * institution's own files, so a value such as {@code =HYPERLINK(...)} must never become a live formula when the
 * sheet is edited, re-saved or exported to CSV (OWASP "CSV injection"): such text is stored with a leading
 * apostrophe, which spreadsheet programs read as "this is text".
 */
final class CellText {

    /** Excel refuses longer cell texts; the rest is cut off visibly rather than failing the whole report. */
    static final int MAX_LENGTH = 32_767;
    private static final String CUT = " …";

    private CellText() {
    }

    /** The value, neutralised and within Excel's limit; null becomes the empty text. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsLikeFormula(value.charAt(0)) ? "'" + value : value;
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - CUT.length()) + CUT;
    }

    /** Joins the values with a separator and neutralises the result as one cell text. */
    static String join(Collection<String> values, String separator) {
        return safe(values.stream().map(v -> v == null ? "" : v).collect(Collectors.joining(separator)));
    }

    /**
     * The characters with which a spreadsheet starts a formula or a DDE payload; the full-width forms too, since
     * some input methods turn them into their ASCII counterparts on entry.
     */
    private static boolean startsLikeFormula(char first) {
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠' -> true;
            default -> false;
        };
    }
}

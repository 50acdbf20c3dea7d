package dk.tilsyn.engine.io;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;

/**
 * Renders XLSX cells as the text a CSV export of the same sheet would hold, so one set of value
 * parsers serves both formats.
 *
 * <ul>
 *   <li>Date-formatted numbers become {@code yyyy-mm-dd} (with a time of day other than midnight
 *       they become ISO date-time text, which the date parser refuses rather than dropping the
 *       time silently).</li>
 *   <li>Other numbers become plain digits with a decimal comma ({@code 1234,5}); a decimal point
 *       could be misread as a thousands separator by {@link AmountParser}.</li>
 * </ul>
 */
final class ExcelCells {

    /** Built-in number formats that are dates or times (ECMA-376 18.8.30 and East Asian variants). */
    private static final Pattern NOT_DATE_PARTS = Pattern.compile("\"[^\"]*\"|\\[[^]]*]|\\\\.|_.|\\*.");
    private static final Pattern DATE_LETTERS = Pattern.compile("[yYdDmMhHsS]");

    private ExcelCells() {
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case EMPTY -> "";
            case STRING -> cell.getValue() == null ? "" : cell.getValue().toString();
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
            case NUMBER -> isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())
                    ? dateText(cell.asDate()) : numberText(cell.asNumber());
            // Rejected by the caller before rendering; kept total for safety.
            case FORMULA, ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    static boolean isDateFormat(Integer formatId, String formatString) {
        if (formatId != null && isBuiltInDate(formatId)) {
            return true;
        }
        if (formatString == null || formatString.isBlank() || formatString.equalsIgnoreCase("General")) {
            return false;
        }
        String bare = NOT_DATE_PARTS.matcher(formatString).replaceAll("");
        return DATE_LETTERS.matcher(bare).find();
    }

    private static boolean isBuiltInDate(int id) {
        return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58;
    }

    private static String dateText(LocalDateTime value) {
        return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString();
    }

    private static String numberText(BigDecimal value) {
        String plain = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        return plain.replace('.', ',');
    }
}

package dk.tilsyn.engine.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date forms Danish HR and IT systems export.
 *
 * <ul>
 *   <li>{@code yyyy-mm-dd} (ISO; month and day always two digits),</li>
 *   <li>{@code dd-mm-yyyy} and {@code dd.mm.yyyy}, where day and month may also be one digit
 *       ({@code 1.2.2024}) because Danish spreadsheets often drop the leading zero.</li>
 * </ul>
 * Two-digit years and {@code /} are refused: {@code 01/02/24} is read differently in different
 * locales, and guessing would put wrong dates into evidence. Surrounding spaces are ignored.
 * Impossible calendar dates such as 31-02-2024 are refused.
 */
public final class DateParser {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([-.])(\\d{1,2})\\2(\\d{4})");

    private DateParser() {
    }

    /** The date, or empty when the text is not one of the accepted forms or not a real date. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        Matcher iso = ISO.matcher(trimmed);
        if (iso.matches()) {
            return date(iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher dayFirst = DAY_FIRST.matcher(trimmed);
        if (dayFirst.matches()) {
            return date(dayFirst.group(4), dayFirst.group(3), dayFirst.group(1));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

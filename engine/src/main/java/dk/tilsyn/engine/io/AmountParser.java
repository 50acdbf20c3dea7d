package dk.tilsyn.engine.io;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses amounts as written in Danish and in plain machine exports.
 *
 * <p>The rule that settles the ambiguity of {@code .}:
 * <ol>
 *   <li>{@code ,} is always the decimal separator, and there may be at most one.</li>
 *   <li>{@code .} is a thousands separator when the integer part is grouped Danish style: one to
 *       three digits not starting with 0, then one or more groups of {@code .} and exactly three
 *       digits ({@code 50.000}, {@code 1.234.567}, {@code 50.000,00}).</li>
 *   <li>Otherwise, when there is no {@code ,}, a single {@code .} is the decimal point
 *       ({@code 50000.00}, {@code 1.5}, {@code 0.500}, {@code 1234.567}).</li>
 * </ol>
 * So {@code 12.345} is twelve thousand three hundred and forty-five, never 12.345; a machine
 * export must not write three decimals with a short integer part. A leading {@code -} makes the
 * amount negative. Spaces inside the number, {@code +}, currency symbols and English thousands
 * commas ({@code 1,234.56}) are refused rather than guessed.
 */
public final class AmountParser {

    private static final Pattern DANISH_GROUPED = Pattern.compile("-?[1-9]\\d{0,2}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern DANISH_PLAIN = Pattern.compile("-?\\d+(,\\d+)?");
    private static final Pattern DECIMAL_POINT = Pattern.compile("-?\\d+\\.\\d+");

    private AmountParser() {
    }

    /** The amount, keeping the written scale ({@code 50.000,00} → 50000.00), or empty. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (DANISH_GROUPED.matcher(trimmed).matches()) {
            return Optional.of(new BigDecimal(trimmed.replace(".", "").replace(',', '.')));
        }
        if (DANISH_PLAIN.matcher(trimmed).matches()) {
            return Optional.of(new BigDecimal(trimmed.replace(',', '.')));
        }
        if (DECIMAL_POINT.matcher(trimmed).matches()) {
            return Optional.of(new BigDecimal(trimmed));
        }
        return Optional.empty();
    }
}

package dk.tilsyn.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AmountParserTest {

    @Property
    void danishPlainRoundTrips(@ForAll("amounts") BigDecimal amount) {
        String text = amount.toPlainString().replace('.', ',');
        assertThat(AmountParser.parse(text)).as(text).contains(amount);
    }

    @Property
    void danishGroupedRoundTrips(@ForAll("amounts") BigDecimal amount) {
        String text = danishGrouped(amount);
        assertThat(AmountParser.parse(text)).as(text).contains(amount);
    }

    /** The one ambiguous shape (1-3 digits, '.', exactly 3 digits) is excluded: it means thousands. */
    @Property
    void decimalPointRoundTripsUnlessItLooksLikeThousands(@ForAll("amounts") BigDecimal amount) {
        Assume.that(amount.scale() > 0);
        BigInteger integerPart = amount.abs().toBigInteger();
        boolean looksLikeThousands = amount.scale() == 3
                && integerPart.signum() > 0 && integerPart.compareTo(BigInteger.valueOf(1000)) < 0;
        Assume.that(!looksLikeThousands);
        String text = amount.toPlainString();
        assertThat(AmountParser.parse(text)).as(text).contains(amount);
    }

    @Property
    void shortIntegerPartWithThreeDecimalsReadsAsThousands(@ForAll("thousandsShaped") BigDecimal amount) {
        String text = amount.toPlainString();
        assertThat(AmountParser.parse(text)).as(text).contains(amount.movePointRight(3));
    }

    @Property
    void arbitraryTextNeverThrows(@ForAll String text) {
        AmountParser.parse(text);
    }

    @Example
    void concreteCases() {
        assertThat(AmountParser.parse("50000")).contains(new BigDecimal("50000"));
        assertThat(AmountParser.parse("50.000")).contains(new BigDecimal("50000"));
        assertThat(AmountParser.parse("50.000,00")).contains(new BigDecimal("50000.00"));
        assertThat(AmountParser.parse("50000.00")).contains(new BigDecimal("50000.00"));
        assertThat(AmountParser.parse("50000,5")).contains(new BigDecimal("50000.5"));
        assertThat(AmountParser.parse("-1.234.567,89")).contains(new BigDecimal("-1234567.89"));
        assertThat(AmountParser.parse(" -12 ")).contains(new BigDecimal("-12"));
        assertThat(AmountParser.parse("0.500")).contains(new BigDecimal("0.500"));
        assertThat(AmountParser.parse("1234.567")).contains(new BigDecimal("1234.567"));
        assertThat(AmountParser.parse("12.345")).contains(new BigDecimal("12345"));
        assertThat(AmountParser.parse("1,234.56")).isEmpty();
        assertThat(AmountParser.parse("1.23.456")).isEmpty();
        assertThat(AmountParser.parse("1.2345,00")).isEmpty();
        assertThat(AmountParser.parse("1,2,3")).isEmpty();
        assertThat(AmountParser.parse("+5")).isEmpty();
        assertThat(AmountParser.parse("5 000")).isEmpty();
        assertThat(AmountParser.parse("kr. 5")).isEmpty();
        assertThat(AmountParser.parse(",5")).isEmpty();
        assertThat(AmountParser.parse("-")).isEmpty();
        assertThat(AmountParser.parse("")).isEmpty();
    }

    private static String danishGrouped(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("da-DK")));
        format.setMinimumFractionDigits(amount.scale());
        format.setMaximumFractionDigits(amount.scale());
        format.setParseBigDecimal(true);
        DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        format.setDecimalFormatSymbols(symbols);
        return format.format(amount);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigIntegers().between(BigInteger.valueOf(-10_000_000_000L), BigInteger.valueOf(10_000_000_000L))
                .flatMap(unscaled -> Arbitraries.integers().between(0, 4).map(scale -> new BigDecimal(unscaled, scale)));
    }

    @Provide
    Arbitrary<BigDecimal> thousandsShaped() {
        return Arbitraries.integers().between(1_000, 999_999)
                .flatMap(unscaled -> Arbitraries.of(1, -1).map(sign -> new BigDecimal(BigInteger.valueOf((long) sign * unscaled), 3)));
    }
}

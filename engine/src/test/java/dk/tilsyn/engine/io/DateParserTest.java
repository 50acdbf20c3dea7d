package dk.tilsyn.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DateParserTest {

    @Property
    void everyDateRoundTripsInEveryAcceptedForm(@ForAll("dates") LocalDate date) {
        for (String pattern : new String[] {"yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "d.M.yyyy", "d-M-yyyy"}) {
            String text = date.format(DateTimeFormatter.ofPattern(pattern));
            assertThat(DateParser.parse(text)).as(text).contains(date);
        }
    }

    @Property
    void dayPastTheEndOfTheMonthIsRefused(@ForAll("dates") LocalDate date, @ForAll @IntRange(min = 1, max = 3) int past) {
        int day = date.lengthOfMonth() + past;
        String dayFirst = String.format("%02d-%02d-%04d", day, date.getMonthValue(), date.getYear());
        String iso = String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), day);
        assertThat(DateParser.parse(dayFirst)).as(dayFirst).isEmpty();
        assertThat(DateParser.parse(iso)).as(iso).isEmpty();
    }

    @Property
    void arbitraryTextNeverThrows(@ForAll String text) {
        DateParser.parse(text);
    }

    @Example
    void concreteCases() {
        assertThat(DateParser.parse(" 2024-02-29 ")).contains(LocalDate.of(2024, 2, 29));
        assertThat(DateParser.parse("1.2.2024")).contains(LocalDate.of(2024, 2, 1));
        assertThat(DateParser.parse("31-12-2024")).contains(LocalDate.of(2024, 12, 31));
        assertThat(DateParser.parse("31-02-2024")).isEmpty();
        assertThat(DateParser.parse("29.02.2023")).isEmpty();
        assertThat(DateParser.parse("2024-2-1")).isEmpty();
        assertThat(DateParser.parse("01/02/2024")).isEmpty();
        assertThat(DateParser.parse("01-02-24")).isEmpty();
        assertThat(DateParser.parse("1.2-2024")).isEmpty();
        assertThat(DateParser.parse("")).isEmpty();
        assertThat(DateParser.parse(null)).isEmpty();
        assertThat(DateParser.parse("2024-01-01T10:00")).isEmpty();
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 300).map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
    }
}

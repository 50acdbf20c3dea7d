package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.io.AmountParser;
import dk.tilsyn.engine.io.Column;
import dk.tilsyn.engine.io.DataRow;
import dk.tilsyn.engine.io.DateParser;
import dk.tilsyn.engine.io.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-file caches for the values that repeat across millions of rows: entitlement names, assigners, dates and
 * amounts. Interning keeps one String per distinct value instead of one per row, and caching parsed dates and
 * amounts keeps the parsers' regular expressions off the per-row path. Each cache stops growing at a bound, so a
 * column with unique values (e.g. timestamps) costs no more than reading without the cache.
 */
final class ValueCache {

    private static final int MAX_ENTRIES = 50_000;

    private final Map<String, String> strings = new HashMap<>();
    private final Map<String, LocalDate> dates = new HashMap<>();
    private final Map<String, BigDecimal> amounts = new HashMap<>();

    /** One shared instance per distinct value (up to the bound); null stays null. */
    String intern(String value) {
        if (value == null) {
            return null;
        }
        String known = strings.get(value);
        if (known != null) {
            return known;
        }
        if (strings.size() < MAX_ENTRIES) {
            strings.put(value, value);
        }
        return value;
    }

    /** Like {@link DataRow#date} for a raw value already read from the row. */
    LocalDate date(DataRow row, Column column, String text) {
        if (text == null) {
            return null;
        }
        LocalDate date = dates.get(text);
        if (date == null) {
            date = DateParser.parse(text).orElse(null);
            if (date == null) {
                row.report(Problems.invalidDate(row.locate(column), text));
                return null;
            }
            remember(dates, text, date);
        }
        return date;
    }

    /** Like {@link DataRow#amount} for a raw value already read from the row. */
    BigDecimal amount(DataRow row, Column column, String text) {
        if (text == null) {
            return null;
        }
        BigDecimal amount = amounts.get(text);
        if (amount == null) {
            amount = AmountParser.parse(text).orElse(null);
            if (amount == null) {
                row.report(Problems.invalidAmount(row.locate(column), text));
                return null;
            }
            remember(amounts, text, amount);
        }
        return amount;
    }

    private static <V> void remember(Map<String, V> cache, String key, V value) {
        if (cache.size() < MAX_ENTRIES) {
            cache.put(key, value);
        }
    }
}

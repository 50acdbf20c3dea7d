package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.io.DateParser;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Parses change-log times: any date form {@link DateParser} accepts, optionally followed by a space or {@code T}
 * and a time of day {@code HH:mm} or {@code HH:mm:ss} (hour may have one digit). A date alone means the start of
 * that day. No zones or fractions: Danish system logs write local wall-clock time, and guessing a zone would move
 * events across midnight.
 */
public final class DateTimes {

    private DateTimes() {
    }

    public static Optional<LocalDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        int split = Math.max(trimmed.indexOf('T'), trimmed.indexOf(' '));
        String datePart = split < 0 ? trimmed : trimmed.substring(0, split);
        Optional<LocalDate> date = DateParser.parse(datePart);
        if (date.isEmpty()) {
            return Optional.empty();
        }
        if (split < 0) {
            return Optional.of(date.get().atStartOfDay());
        }
        return time(trimmed.substring(split + 1).strip()).map(date.get()::atTime);
    }

    private static Optional<LocalTime> time(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].length() > 2) {
            return Optional.empty();
        }
        for (int i = 0; i < parts.length; i++) {
            boolean digits = !parts[i].isEmpty() && parts[i].chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digits || (i > 0 && parts[i].length() != 2)) {
                return Optional.empty();
            }
        }
        try {
            int second = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
            return Optional.of(LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), second));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

package dk.tilsyn.platform.jdbc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * "Now" as stored: UTC and truncated to microseconds, the precision both databases keep, so a value read back
 * equals the value written (the audit hash depends on it).
 */
public final class Clock {

    private Clock() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}

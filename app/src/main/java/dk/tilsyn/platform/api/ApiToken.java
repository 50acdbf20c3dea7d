package dk.tilsyn.platform.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An issued API token as listed: never the secret, only its first characters.
 *
 * @param expiresOn the last day it is valid, or null for no expiry
 */
public record ApiToken(long id, String name, String tokenPrefix, String createdByName, OffsetDateTime createdAt,
                       LocalDate expiresOn, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt,
                       String revokedByName) {

    /** {@code active}, {@code expired} or {@code revoked}, on the given day. */
    public String status(LocalDate today) {
        if (revokedAt != null) {
            return "revoked";
        }
        return expiresOn != null && expiresOn.isBefore(today) ? "expired" : "active";
    }

    public String status() {
        return status(LocalDate.now(COPENHAGEN));
    }

    public boolean active() {
        return "active".equals(status());
    }

    public ZonedDateTime createdAtLocal() {
        return createdAt.atZoneSameInstant(COPENHAGEN);
    }

    public ZonedDateTime lastUsedAtLocal() {
        return lastUsedAt == null ? null : lastUsedAt.atZoneSameInstant(COPENHAGEN);
    }

    public ZonedDateTime revokedAtLocal() {
        return revokedAt == null ? null : revokedAt.atZoneSameInstant(COPENHAGEN);
    }

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
}

package dk.tilsyn.platform.identity;

import java.time.OffsetDateTime;

/**
 * A person who signs in to Tilsyn. Users are installation-wide; what they may see is given by their roles per
 * institution. {@code passwordHash} is null for users who sign in only through OIDC.
 */
public record AppUser(
        long id,
        String username,
        String displayName,
        String email,
        String passwordHash,
        boolean mustChangePassword,
        boolean platformAdmin,
        boolean enabled,
        int failedLogins,
        OffsetDateTime lockedUntil,
        OffsetDateTime createdAt) {

    public boolean hasLocalPassword() {
        return passwordHash != null;
    }

    public boolean isLockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

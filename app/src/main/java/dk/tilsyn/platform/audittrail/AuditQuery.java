package dk.tilsyn.platform.audittrail;

import java.time.LocalDate;

/**
 * Filters for browsing one institution's trail.
 *
 * @param includeLogins also show the platform chain's login entries of the institution's own users
 */
public record AuditQuery(LocalDate from, LocalDate to, String actor, String action, String entityType, String text,
                         boolean includeLogins, int page, int size) {
}

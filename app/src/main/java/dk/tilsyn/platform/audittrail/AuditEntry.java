package dk.tilsyn.platform.audittrail;

import java.time.OffsetDateTime;

/** One stored entry of the audit trail, exactly as hashed. */
public record AuditEntry(
        long id,
        String chain,
        long seq,
        Long institutionId,
        OffsetDateTime occurredAt,
        Long actorUserId,
        String actorName,
        String action,
        String entityType,
        String entityId,
        String beforeJson,
        String afterJson,
        String prevHash,
        String hash) {

    /** When it happened, in Danish time, for display. */
    public java.time.ZonedDateTime occurredAtLocal() {
        return occurredAt.atZoneSameInstant(java.time.ZoneId.of("Europe/Copenhagen"));
    }
}

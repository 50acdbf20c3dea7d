package dk.tilsyn.platform.audittrail;

import java.util.Map;

/**
 * One thing to record. {@code institutionId} null means the platform chain (logins of unknown users, institution
 * creation). {@code before}/{@code after} are the record's values as plain maps; either may be null.
 *
 * @param actor who did it, when not the signed-in user of the current request (logins, start-up work)
 */
public record AuditEvent(
        Long institutionId,
        AuditAction action,
        String entityType,
        String entityId,
        Map<String, ?> before,
        Map<String, ?> after,
        Actor actor) {

    /** The person (or the system) behind an action. */
    public record Actor(Long userId, String name) {
        public static final Actor SYSTEM = new Actor(null, "system");
    }

    public static AuditEvent of(Long institutionId, AuditAction action, String entityType, Object entityId,
                                Map<String, ?> before, Map<String, ?> after) {
        return new AuditEvent(institutionId, action, entityType, entityId == null ? null : String.valueOf(entityId),
                before, after, null);
    }

    public AuditEvent by(Actor who) {
        return new AuditEvent(institutionId, action, entityType, entityId, before, after, who);
    }
}

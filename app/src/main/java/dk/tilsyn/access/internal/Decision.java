package dk.tilsyn.access.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A manager's position on a finding (stillingtagen, ACC-10): accepted with a compensating control and the work need
 * confirmed per function until an expiry date, or rejected (which creates an action to remove the access).
 */
public record Decision(long id, String identityKey, String accessHash, long runId, long findingId, String personKey,
                       String decision, String compensatingControl, String workNeed, LocalDate expiresOn,
                       String reason, String decidedByName, long decidedBy, OffsetDateTime decidedAt) {

    public static final String ACCEPT = "ACCEPT";
    public static final String REJECT = "REJECT";

    public boolean accepted() {
        return ACCEPT.equals(decision);
    }

    public boolean expiredOn(LocalDate day) {
        return accepted() && expiresOn != null && expiresOn.isBefore(day);
    }
}

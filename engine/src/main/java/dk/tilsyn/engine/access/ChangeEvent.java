package dk.tilsyn.engine.access;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One row of a system's change log: {@code actor} did {@code action} to {@code target}.
 *
 * @param action {@code grant}, {@code revoke}, {@code create_account}, {@code change_email},
 *               {@code change_password} or another action the system logs
 */
public record ChangeEvent(String system, LocalDateTime time, String actor, String action, String target,
                          String entitlement, EntitlementType entitlementType, BigDecimal amountLimit, SourceRef source) {

    /** Whether the line names a target account (a log line about the actor alone has none). */
    public boolean hasTarget() {
        return target != null && !target.isBlank();
    }
}

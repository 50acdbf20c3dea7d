package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.EntitlementType;

import java.math.BigDecimal;

/** A grant that is asked for but not made yet: what-if input. {@code amount} may be null. */
public record ProposedAssignment(String system, String account, String entitlement, EntitlementType type,
                                 BigDecimal amount) {
}

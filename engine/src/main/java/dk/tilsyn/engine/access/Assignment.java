package dk.tilsyn.engine.access;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account holds an entitlement, possibly with an amount limit and a validity period.
 *
 * @param amountLimit null when the extract states none
 * @param validFrom   null = no start
 * @param validTo     null = open-ended
 */
public record Assignment(String entitlement, EntitlementType type, BigDecimal amountLimit, LocalDate validFrom,
                         LocalDate validTo, String assignedBy, LocalDate assignedAt, SourceRef source) {

    /** Whether the assignment is in force on the given date. */
    public boolean validOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
    }
}

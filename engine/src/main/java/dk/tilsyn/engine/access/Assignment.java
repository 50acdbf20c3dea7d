package dk.tilsyn.engine.access;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account holds an entitlement, possibly with an amount limit and a validity period.
 *
 * <p>The source row is kept as its file and line rather than a {@link SourceRef}: a large set holds five million
 * assignments, and a second object for each would be five million more for the garbage collector to trace on every
 * cycle. {@link #source()} makes the reference when evidence is cited.
 *
 * @param amountLimit null when the extract states none
 * @param validFrom   null = no start
 * @param validTo     null = open-ended
 * @param sourceFile  the file the assignment was read from, or null when it was not read from a file
 * @param sourceLine  the line in that file (0 when there is no file)
 */
public record Assignment(String entitlement, EntitlementType type, BigDecimal amountLimit, LocalDate validFrom,
                         LocalDate validTo, String assignedBy, LocalDate assignedAt, String sourceFile,
                         long sourceLine) {

    public Assignment(String entitlement, EntitlementType type, BigDecimal amountLimit, LocalDate validFrom,
                      LocalDate validTo, String assignedBy, LocalDate assignedAt, SourceRef source) {
        this(entitlement, type, amountLimit, validFrom, validTo, assignedBy, assignedAt,
                source == null ? null : source.file(), source == null ? 0 : source.line());
    }

    /** The row the assignment was read from, or null. */
    public SourceRef source() {
        return sourceFile == null ? null : new SourceRef(sourceFile, sourceLine);
    }

    /** Whether the assignment is in force on the given date. */
    public boolean validOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
    }
}

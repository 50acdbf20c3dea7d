package dk.tilsyn.access.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Documentation of a privileged assignment (004 §5.8.1): reason, who approved it and when, and until when it holds. */
public record PrivilegedDocumentation(long id, String systemKey, String account, String reason, String approvedBy,
                                      LocalDate approvedOn, LocalDate validUntil, String createdByName,
                                      OffsetDateTime createdAt) {

    public boolean currentOn(LocalDate day) {
        return !validUntil.isBefore(day);
    }
}

package dk.tilsyn.access.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What a rejection leads to: remove the access, by an owner, before a deadline. */
public record AccessAction(long id, long decisionId, long runId, long findingId, String description, long ownerId,
                           String ownerName, LocalDate deadline, String status, String doneNote, String doneByName,
                           OffsetDateTime doneAt) {

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean overdueOn(LocalDate day) {
        return open() && deadline.isBefore(day);
    }
}

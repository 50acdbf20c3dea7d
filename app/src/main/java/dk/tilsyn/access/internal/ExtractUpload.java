package dk.tilsyn.access.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A file being received and checked, or the outcome of that: QUEUED (waiting for a free checker), CHECKING (the engine
 * reads it; bytes and rows move), DONE (kept as the pending evidence {@code evidenceId}), REFUSED (the engine's problems
 * are listed; nothing of the file is kept) or FAILED (Tilsyn could not finish the check; nothing kept).
 *
 * @param importProfile the import profile chosen for the file (extracts only), or null for the canonical columns
 */
public record ExtractUpload(long id, long systemId, EvidenceKind kind, String fileName, LocalDate asOf,
                            String importProfile, String status, long sizeBytes, long bytesRead, long rowsRead,
                            Long evidenceId, long problemsOmitted, String failure, OffsetDateTime startedAt,
                            OffsetDateTime updatedAt) {

    /** Longer than any pause between two progress updates of a live check (they come every second or so). */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    public boolean underway() {
        return "QUEUED".equals(status) || "CHECKING".equals(status);
    }

    /** Under way on paper, but nothing has moved for so long that the instance doing it must have stopped. */
    public boolean interrupted(OffsetDateTime now) {
        return underway() && updatedAt.plus(STALE_AFTER).isBefore(now);
    }

    /** The status a user is shown. */
    public String shownStatus(OffsetDateTime now) {
        return interrupted(now) ? "INTERRUPTED" : status;
    }

    public double megabytes(long bytes) {
        return bytes / 1_000_000.0;
    }
}

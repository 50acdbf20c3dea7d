package dk.tilsyn.access.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One uploaded original and what became of it.
 *
 * @param importProfile the import profile the file was checked with and is read with (extracts only), or null for the
 *                      canonical columns
 * @param status {@code PENDING} (checked, awaiting confirmation), {@code ACCEPTED}, {@code SUPERSEDED} (a newer
 *               accepted upload of the same system and kind replaced it) or {@code DISCARDED} (never accepted)
 */
public record Evidence(long id, long systemId, EvidenceKind kind, String fileName, String sha256, long sizeBytes,
                       long rowCount, LocalDate asOf, String importProfile, String uploadedByName,
                       OffsetDateTime uploadedAt, String status, Long supersededBy, String deletedByName,
                       OffsetDateTime deletedAt, String deleteReason) {

    public boolean deleted() {
        return "DELETED".equals(status);
    }

    /** Retention may remove an original only once it is no longer the one in use, nor awaiting a decision. */
    public boolean deletable() {
        return "SUPERSEDED".equals(status) || "DISCARDED".equals(status);
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }

    public ZonedDateTime uploadedAtLocal() {
        return uploadedAt.atZoneSameInstant(ZoneId.of("Europe/Copenhagen"));
    }
}

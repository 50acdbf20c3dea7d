package dk.tilsyn.access.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One analysis run and its frozen identity.
 *
 * @param status {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 */
public record AnalysisRun(long id, String status, LocalDate asOf, String startedByName, OffsetDateTime startedAt,
                          OffsetDateTime finishedAt, String ruleSetId, String ruleSetVersion, String ruleSetHash,
                          String personsSha256, String reportSha256, Integer findingsCount, String failure,
                          String matrixSha256, Integer ruleLayerVersion,
                          String reconcileEntitlements) {

    public boolean finished() {
        return "DONE".equals(status) || "FAILED".equals(status);
    }

    public ZonedDateTime startedAtLocal() {
        return startedAt.atZoneSameInstant(ZoneId.of("Europe/Copenhagen"));
    }
}

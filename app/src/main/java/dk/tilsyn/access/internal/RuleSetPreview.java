package dk.tilsyn.access.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The impact of a draft rule-set layer on the latest finished run, computed in the background: QUEUED (waiting for a
 * free place), RUNNING (step READING, ANALYSING or COMPARING), DONE (counts and findings kept), FAILED, SUPERSEDED (a
 * newer draft was previewed before this one finished) or INTERRUPTED (the instance computing it stopped). Only the
 * institution's newest preview is current; an older one never shows its result, which belongs to another draft.
 *
 * @param draftSha256 SHA-256 of the draft's YAML: the result belongs to exactly this text
 * @param runId       the run the draft was compared with; null when there was no finished run to compare with
 */
public record RuleSetPreview(long id, boolean currentPreview, String draftSha256, String yaml, String comment,
                             String ruleSetId, String ruleSetVersion, int functionCount, int ruleCount, Long runId,
                             String status, String step, Integer appearCount, Integer disappearCount,
                             Integer unchangedCount, String failure, OffsetDateTime startedAt,
                             OffsetDateTime heartbeatAt) {

    /** The steps of a computation, in order; the page shows "step n of 3". */
    static final java.util.List<String> STEPS = java.util.List.of("READING", "ANALYSING", "COMPARING");

    public boolean underway() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }

    /** Under way on paper, but not touched for so long that the instance computing it must have stopped. */
    public boolean interrupted(OffsetDateTime now, Duration staleAfter) {
        return "INTERRUPTED".equals(status) || underway() && heartbeatAt.plus(staleAfter).isBefore(now);
    }

    /** The status a user is shown: a superseded preview shows nothing of its own, whatever became of it. */
    public String shownStatus(OffsetDateTime now, Duration staleAfter) {
        return !currentPreview ? "SUPERSEDED" : interrupted(now, staleAfter) ? "INTERRUPTED" : status;
    }

    /** 1, 2 or 3 while running; 0 while queued. */
    public int stepNumber() {
        return step == null ? 0 : STEPS.indexOf(step) + 1;
    }

    public ZonedDateTime startedAtLocal() {
        return startedAt.atZoneSameInstant(ZoneId.of("Europe/Copenhagen"));
    }
}

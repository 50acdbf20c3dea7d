package dk.tilsyn.access.internal;

import java.time.OffsetDateTime;

/** One saved version of the institution's rule-set layer. */
public record RuleSetLayer(long id, int version, String yaml, String sha256, String ruleSetId, String ruleSetVersion,
                           String comment, String createdByName, OffsetDateTime createdAt) {
}

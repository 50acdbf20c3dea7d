package dk.tilsyn.access.internal;

/** A finding as a run stored it; lists are joined text, as they are shown. */
public record StoredFinding(long id, int seq, String kind, String severity, String rule, String personKey,
                            String systems, String accounts, String evidence, String explanation) {
}

package dk.tilsyn.access.internal;

/**
 * A finding a draft rule-set layer would add to the compared run ({@code APPEAR}) or take from it ({@code DISAPPEAR}),
 * as the preview page lists it.
 */
public record PreviewFinding(String changeKind, String rule, String personKey, String explanation) {
}

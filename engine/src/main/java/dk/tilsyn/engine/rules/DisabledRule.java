package dk.tilsyn.engine.rules;

/** A rule an institution's layer switched off, with the reason it had to give and the layer that did it. */
public record DisabledRule(String rule, String reason, String layer) {
}

package dk.tilsyn.engine.rules;

/** A system the rule set knows, e.g. {@code navision} / "Navision Stat". */
public record SystemDef(String id, String name) {
}

package dk.tilsyn.engine.access;

/** The exact input row a fact came from: evidence a controller can open and point at. */
public record SourceRef(String file, long line) {
}

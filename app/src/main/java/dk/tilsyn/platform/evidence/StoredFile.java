package dk.tilsyn.platform.evidence;

/** A file as the evidence store holds it. */
public record StoredFile(String sha256, long size) {
}

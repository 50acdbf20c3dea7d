package dk.tilsyn.platform.api;

/** A token just issued, with its secret: shown to the administrator once and never stored. */
public record IssuedToken(ApiToken token, String secret) {
}

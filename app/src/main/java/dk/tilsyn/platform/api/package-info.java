/**
 * The machine API's platform part: API tokens (per-institution secrets that clients present as
 * {@code Authorization: Bearer …}; issued, listed and revoked by the institution's administrators; only a SHA-256
 * of each secret is stored) and the problem responses ({@code application/problem+json}, Danish by default) every
 * API error is answered with.
 */
@org.springframework.modulith.NamedInterface("api")
package dk.tilsyn.platform.api;

/** The evidence store: uploaded originals, written once and addressed by their SHA-256. */
@org.springframework.modulith.NamedInterface("evidence")
package dk.tilsyn.platform.evidence;

package dk.tilsyn.systems;

/**
 * A system in scope for access control.
 *
 * @param systemKey     the system id the rule set uses (e.g. {@code rejsud}, {@code navision})
 * @param importProfile the import profile its extracts are read with (a shipped profile id), or null for files
 *                      already in the canonical format
 */
public record ItSystem(long id, String systemKey, String name, String importProfile) {
}

package dk.tilsyn.engine.persons;

/**
 * One org unit as an org-units file states it.
 *
 * @param code   the unit's key, the value persons files use in {@code org_unit}
 * @param parent the parent unit's code, or null for a top unit
 * @param line   the line it was read from, for messages about it
 */
public record OrgUnitRow(String code, String name, String parent, long line) {
}

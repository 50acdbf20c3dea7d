package dk.tilsyn.organisation;

/** A unit of the institution's organisation; {@code parentId} null for a top unit. */
public record OrgUnit(long id, String code, String name, Long parentId) {
}

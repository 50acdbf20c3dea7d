package dk.tilsyn.access.internal;

/**
 * A user answers for the findings about persons of an org unit (and its sub-units), or about a system's accounts.
 * Exactly one of {@code orgUnitId} and {@code systemId} is set.
 */
public record Responsibility(long id, long userId, String userName, Long orgUnitId, String orgUnitName, Long systemId,
                             String systemName) {
}

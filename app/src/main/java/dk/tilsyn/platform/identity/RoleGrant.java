package dk.tilsyn.platform.identity;

import dk.tilsyn.platform.tenancy.Role;

import java.time.OffsetDateTime;

/** One role held by one user in one institution. */
public record RoleGrant(long userId, long institutionId, Role role, OffsetDateTime grantedAt) {
}

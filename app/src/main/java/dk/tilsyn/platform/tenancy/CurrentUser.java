package dk.tilsyn.platform.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in user for one request: identity, the institutions they hold roles in, and the one they work in now.
 * Built fresh on every request, so a revoked role takes effect at once.
 */
public record CurrentUser(
        long id,
        String username,
        String displayName,
        boolean platformAdmin,
        boolean mustChangePassword,
        Map<Long, Set<Role>> rolesByInstitution,
        List<InstitutionRef> institutions,
        InstitutionRef institution) {

    public Set<Role> roles() {
        return institution == null ? Set.of() : rolesByInstitution.getOrDefault(institution.id(), Set.of());
    }

    public boolean hasAnyRole(Role... wanted) {
        Set<Role> held = roles();
        for (Role role : wanted) {
            if (held.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** For templates, which may not reach enums: any of these role names, e.g. {@code hasAnyRoleNamed('AUDITOR')}. */
    public boolean hasAnyRoleNamed(String... names) {
        for (String name : names) {
            if (roles().stream().anyMatch(role -> role.name().equals(name))) {
                return true;
            }
        }
        return false;
    }

    public boolean isMember() {
        return !roles().isEmpty();
    }
}

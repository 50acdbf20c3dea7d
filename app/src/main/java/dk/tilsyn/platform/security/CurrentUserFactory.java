package dk.tilsyn.platform.security;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.RoleRepository;
import dk.tilsyn.platform.identity.UserRepository;
import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.InstitutionRef;
import dk.tilsyn.platform.tenancy.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the {@link CurrentUser} of a request from the database, so role changes apply to the next click. */
@Component
public class CurrentUserFactory {

    private final UserRepository users;
    private final RoleRepository roles;

    CurrentUserFactory(UserRepository users, RoleRepository roles) {
        this.users = users;
        this.roles = roles;
    }

    /**
     * @param preferredInstitution the institution chosen in the session, if any; ignored unless the user holds a
     *                             role there (a removed role ends access to that institution at once)
     */
    public Optional<CurrentUser> load(String username, Long preferredInstitution) {
        return users.findByUsername(username).filter(AppUser::enabled).map(user -> build(user, preferredInstitution));
    }

    private CurrentUser build(AppUser user, Long preferredInstitution) {
        Map<Long, Set<Role>> byInstitution = new LinkedHashMap<>();
        Map<Long, InstitutionRef> institutions = new LinkedHashMap<>(); // by name, as the query sorts them
        for (RoleRepository.Membership membership : roles.membershipsOf(user.id())) {
            byInstitution.computeIfAbsent(membership.institutionId(), id -> EnumSet.noneOf(Role.class)).add(membership.role());
            institutions.putIfAbsent(membership.institutionId(),
                    new InstitutionRef(membership.institutionId(), membership.code(), membership.name()));
        }
        List<InstitutionRef> refs = List.copyOf(institutions.values());
        InstitutionRef current = refs.stream()
                .filter(ref -> preferredInstitution != null && ref.id() == preferredInstitution)
                .findFirst()
                .orElse(refs.isEmpty() ? null : refs.getFirst());
        return new CurrentUser(user.id(), user.username(), user.displayName(), user.platformAdmin(),
                user.mustChangePassword() && user.hasLocalPassword(), Map.copyOf(byInstitution), refs, current);
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.platform.identity.RoleRepository;
import dk.tilsyn.platform.identity.UserRepository;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The users holding a role in the current institution: who can own an action or answer for findings. */
@Component
class InstitutionMembers {

    private final RoleRepository roles;
    private final UserRepository users;

    InstitutionMembers(RoleRepository roles, UserRepository users) {
        this.roles = roles;
        this.users = users;
    }

    List<Member> all() {
        return roles.findByInstitution(TenantContext.institutionId()).stream().map(grant -> grant.userId()).distinct()
                .map(users::findById).flatMap(Optional::stream)
                .map(u -> new Member(u.id(), u.displayName())).sorted(Comparator.comparing(Member::name)).toList();
    }

    boolean isMember(long userId) {
        return roles.findByInstitution(TenantContext.institutionId()).stream().anyMatch(grant -> grant.userId() == userId);
    }

    /** A user of the institution, as a choice in a form. */
    public record Member(long id, String name) {
    }
}

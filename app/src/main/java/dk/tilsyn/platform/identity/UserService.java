package dk.tilsyn.platform.identity;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.tenancy.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/** Changes to users and their roles, each written to the audit trail in the same transaction. */
@Service
public class UserService {

    private final UserRepository users;
    private final RoleRepository roles;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    UserService(UserRepository users, RoleRepository roles, PasswordEncoder passwords, AuditTrail audit) {
        this.users = users;
        this.roles = roles;
        this.passwords = passwords;
        this.audit = audit;
    }

    /**
     * Creates a user. A null password makes an OIDC-only user; otherwise the password is a one-time password the
     * user must change at first login.
     *
     * @param institutionId the institution whose trail records the creation (null: platform chain)
     */
    @Transactional
    public AppUser create(NewUser user, String initialPassword, Long institutionId) {
        String hash = initialPassword == null ? null : passwords.encode(initialPassword);
        AppUser created = users.insert(user, hash);
        audit.record(AuditEvent.of(institutionId, AuditAction.CREATE, "user", created.id(), null, values(created)));
        return created;
    }

    @Transactional
    public boolean grant(long userId, long institutionId, Role role, Long grantedBy) {
        boolean granted = roles.grant(userId, institutionId, role, grantedBy);
        if (granted) {
            audit.record(AuditEvent.of(institutionId, AuditAction.ROLE_GRANTED, "user", userId, null,
                    Map.of("role", role.name(), "selfGranted", grantedBy != null && grantedBy == userId)));
        }
        return granted;
    }

    @Transactional
    public boolean revoke(long userId, long institutionId, Role role) {
        boolean revoked = roles.revoke(userId, institutionId, role);
        if (revoked) {
            audit.record(AuditEvent.of(institutionId, AuditAction.ROLE_REVOKED, "user", userId,
                    Map.of("role", role.name()), null));
        }
        return revoked;
    }

    @Transactional
    public void changePassword(AppUser user, String newPassword, boolean mustChange, Long institutionId) {
        users.updatePassword(user.id(), passwords.encode(newPassword), mustChange);
        users.resetFailedLogins(user.id());
        audit.record(AuditEvent.of(institutionId, AuditAction.PASSWORD_CHANGED, "user", user.id(), null,
                Map.of("mustChange", mustChange)));
    }

    public boolean passwordMatches(AppUser user, String password) {
        return user.hasLocalPassword() && passwords.matches(password, user.passwordHash());
    }

    @Transactional
    public void setEnabled(AppUser user, boolean enabled, long institutionId) {
        users.setEnabled(user.id(), enabled);
        audit.record(AuditEvent.of(institutionId, AuditAction.UPDATE, "user", user.id(),
                Map.of("enabled", user.enabled()), Map.of("enabled", enabled)));
    }

    @Transactional
    public void updateProfile(AppUser user, String displayName, String email, long institutionId) {
        users.updateProfile(user.id(), displayName, email);
        Map<String, Object> after = values(user);
        after.put("displayName", displayName);
        after.put("email", email);
        audit.record(AuditEvent.of(institutionId, AuditAction.UPDATE, "user", user.id(), values(user), after));
    }

    static Map<String, Object> values(AppUser user) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("username", user.username());
        values.put("displayName", user.displayName());
        values.put("email", user.email());
        values.put("localPassword", user.hasLocalPassword());
        values.put("platformAdmin", user.platformAdmin());
        values.put("enabled", user.enabled());
        return values;
    }
}

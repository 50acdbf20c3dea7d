package dk.tilsyn.platform.security;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.UserRepository;
import dk.tilsyn.platform.jdbc.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes every login attempt to the audit trail (platform chain) and applies the back-off: after
 * {@code maxFailedAttempts} bad passwords in a row the account is locked for {@code lockout}.
 */
@Component
class LoginEvents {

    private static final int MAX_LOGGED_NAME = 100;

    private final UserRepository users;
    private final AuditTrail audit;
    private final LoginSettings settings;

    LoginEvents(UserRepository users, AuditTrail audit, LoginSettings settings) {
        this.users = users;
        this.audit = audit;
        this.settings = settings;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        Optional<AppUser> user = users.findByUsername(name);
        user.ifPresent(u -> users.resetFailedLogins(u.id()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", event.getAuthentication() instanceof OAuth2LoginAuthenticationToken ? "oidc" : "password");
        audit.record(AuditEvent.of(null, AuditAction.LOGIN_SUCCEEDED, "user", user.map(AppUser::id).orElse(null), null, details)
                .by(new AuditEvent.Actor(user.map(AppUser::id).orElse(null), name)));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String attempted = truncate(String.valueOf(event.getAuthentication().getName()));
        Optional<AppUser> user = users.findByUsername(attempted);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", event.getException().getClass().getSimpleName());
        audit.record(AuditEvent.of(null, AuditAction.LOGIN_FAILED, "user", user.map(AppUser::id).orElse(null), null, details)
                .by(new AuditEvent.Actor(user.map(AppUser::id).orElse(null), attempted)));
        if (user.isPresent() && event.getException() instanceof BadCredentialsException) {
            countFailure(user.get());
        }
    }

    private void countFailure(AppUser user) {
        int failures = user.failedLogins() + 1;
        OffsetDateTime lockedUntil = user.lockedUntil();
        if (failures >= settings.maxFailedAttempts()) {
            lockedUntil = Clock.now().plus(settings.lockout());
            failures = 0;
            audit.record(AuditEvent.of(null, AuditAction.ACCOUNT_LOCKED, "user", user.id(), null,
                    Map.of("lockedUntil", lockedUntil.toString())).by(new AuditEvent.Actor(user.id(), user.username())));
        }
        users.recordFailedLogin(user.id(), failures, lockedUntil);
    }

    private static String truncate(String name) {
        return name.length() <= MAX_LOGGED_NAME ? name : name.substring(0, MAX_LOGGED_NAME);
    }
}

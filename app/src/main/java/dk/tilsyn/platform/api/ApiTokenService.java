package dk.tilsyn.platform.api;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues, lists, revokes and checks API tokens. A secret is {@code tls_} and 256 random bits (base64url); only its
 * SHA-256 is stored — a slow password hash is not needed for a secret that cannot be guessed, and a fast one keeps
 * every API call cheap. Issuing and revoking are audited in the institution's chain, refused tokens too.
 */
@Service
public class ApiTokenService {

    static final String SECRET_PREFIX = "tls_";
    private static final int PREFIX_LENGTH = SECRET_PREFIX.length() + 8;
    /** "Last used" is for people, to the minute: writing it on every call would double the cost of a call. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, OffsetDateTime> lastTouched = new ConcurrentHashMap<>();

    ApiTokenService(ApiTokenRepository tokens, AuditTrail audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Issues a token for the current institution, by the signed-in user. */
    @Transactional
    public IssuedToken issue(String name, LocalDate expiresOn) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = secret.substring(0, PREFIX_LENGTH);
        long user = TenantContext.user().orElseThrow().id();
        long id = tokens.insert(name, sha256(secret), prefix, user, expiresOn);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", name);
        after.put("prefix", prefix);
        after.put("expiresOn", expiresOn == null ? null : expiresOn.toString());
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.CREATE, "api-token", id, null, after));
        return new IssuedToken(tokens.findById(id).orElseThrow(), secret);
    }

    public List<ApiToken> list() {
        return tokens.findAll();
    }

    public Optional<ApiToken> find(long id) {
        return tokens.findById(id);
    }

    /** @return false when the token is not this institution's or was revoked already */
    @Transactional
    public boolean revoke(long id) {
        Optional<ApiToken> token = tokens.findById(id);
        if (token.isEmpty() || !tokens.revoke(id, TenantContext.user().orElseThrow().id())) {
            return false;
        }
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.UPDATE, "api-token", id,
                Map.of("name", token.get().name(), "prefix", token.get().tokenPrefix(), "status", "active"),
                Map.of("name", token.get().name(), "prefix", token.get().tokenPrefix(), "status", "revoked")));
        return true;
    }

    /**
     * Checks a presented secret. A refused one is written to the audit trail: in the token's institution when the
     * token is known (revoked, expired), in the platform chain when it is not. A valid token costs one indexed read
     * (and a write a minute for "last used"), outside any transaction: this is on every API call's path.
     */
    public TokenCheck check(String secret) {
        Optional<ApiTokenRepository.Presented> found = secret.startsWith(SECRET_PREFIX) && secret.length() < 200
                ? tokens.findByHash(sha256(secret)) : Optional.empty();
        if (found.isEmpty()) {
            audit.record(AuditEvent.of(null, AuditAction.LOGIN_FAILED, "api-token", null, null,
                    Map.of("reason", "unknown")).by(new AuditEvent.Actor(null, "API-nøgle")));
            return new TokenCheck.Unknown();
        }
        ApiTokenRepository.Presented token = found.get();
        LocalDate today = LocalDate.now(ApiToken.COPENHAGEN);
        TokenCheck refused = null;
        if (token.revokedAt() != null) {
            refused = new TokenCheck.Revoked(token.revokedAt().atZoneSameInstant(ApiToken.COPENHAGEN).toLocalDate());
        } else if (token.expiresOn() != null && token.expiresOn().isBefore(today)) {
            refused = new TokenCheck.Expired(token.expiresOn());
        }
        if (refused != null) {
            audit.record(AuditEvent.of(token.institutionId(), AuditAction.LOGIN_FAILED, "api-token", token.id(), null,
                    Map.of("reason", refused instanceof TokenCheck.Revoked ? "revoked" : "expired",
                            "name", token.name(), "prefix", token.tokenPrefix()))
                    .by(new AuditEvent.Actor(null, "API-nøgle " + token.tokenPrefix())));
            return refused;
        }
        touch(token.id());
        return new TokenCheck.Valid(token.id(), token.institutionId(), token.name());
    }

    private void touch(long id) {
        OffsetDateTime now = Clock.now();
        OffsetDateTime previous = lastTouched.get(id);
        if (previous == null || previous.plus(TOUCH_EVERY).isBefore(now)) {
            lastTouched.put(id, now);
            tokens.touch(id, now);
        }
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

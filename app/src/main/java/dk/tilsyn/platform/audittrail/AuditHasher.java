package dk.tilsyn.platform.audittrail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * SHA-256 of an entry's content and its predecessor's hash. Each field is length-prefixed, so no choice of values
 * can make two different entries hash alike by shifting text between fields.
 */
final class AuditHasher {

    static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    static String hash(AuditEntry e) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, e.chain());
        field(canonical, Long.toString(e.seq()));
        field(canonical, e.institutionId() == null ? null : e.institutionId().toString());
        field(canonical, DateTimeFormatter.ISO_INSTANT.format(e.occurredAt().toInstant()));
        field(canonical, e.actorUserId() == null ? null : e.actorUserId().toString());
        field(canonical, e.actorName());
        field(canonical, e.action());
        field(canonical, e.entityType());
        field(canonical, e.entityId());
        field(canonical, e.beforeJson());
        field(canonical, e.afterJson());
        field(canonical, e.prevHash());
        return sha256(canonical.toString());
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-1:;");
        } else {
            out.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

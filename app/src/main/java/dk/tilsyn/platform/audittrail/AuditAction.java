package dk.tilsyn.platform.audittrail;

/** What happened. New features add values here rather than free-text action names. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    IMPORT,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    LOGOUT,
    PASSWORD_CHANGED,
    ROLE_GRANTED,
    ROLE_REVOKED,
    EXPORT,
    VERIFY,
    ACCEPT,
    REJECT,
    DOCUMENT;

    public String messageKey() {
        return "audit.action." + name();
    }
}

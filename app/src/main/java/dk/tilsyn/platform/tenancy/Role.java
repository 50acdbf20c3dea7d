package dk.tilsyn.platform.tenancy;

/** A user's role in one institution. Roles are additive; each page names the roles it admits. */
public enum Role {
    ADMINISTRATOR,
    SECURITY_COORDINATOR,
    CONTROLLER,
    MANAGER,
    SYSTEM_OWNER,
    AUDITOR;

    /** Key of the role's display name in the message bundles. */
    public String messageKey() {
        return "role." + name();
    }
}

package dk.tilsyn.platform.audittrail;

/** Names of the chains: one per institution, one for the platform. */
public final class AuditChains {

    public static final String PLATFORM = "platform";

    private AuditChains() {
    }

    public static String of(Long institutionId) {
        return institutionId == null ? PLATFORM : "institution:" + institutionId;
    }
}

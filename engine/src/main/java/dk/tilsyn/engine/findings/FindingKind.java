package dk.tilsyn.engine.findings;

/** Exactly one of the kinds a finding can be; {@link #code()} is the name used in files and the JSON output. */
public enum FindingKind {
    SOD_CONFLICT("sod-conflict"),
    SOLE_AUTHORITY("sole-authority"),
    PRIVILEGED_ACCESS("privileged-access"),
    ORPHAN_ACCOUNT("orphan-account"),
    DUPLICATE_ACCOUNT("duplicate-account"),
    LEAVER_ACCESS("leaver-access"),
    MASTER_DATA_MISMATCH("master-data-mismatch"),
    SELF_ASSIGNMENT("self-assignment"),
    ADMIN_GRANT("admin-grant"),
    CREDENTIAL_CHANGE("credential-change"),
    OUTSIDE_PROCESS("outside-process"),
    RECONCILIATION_DIFFERENCE("reconciliation-difference"),
    BASELINE_DEVIATION("baseline-deviation");

    private final String code;

    FindingKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

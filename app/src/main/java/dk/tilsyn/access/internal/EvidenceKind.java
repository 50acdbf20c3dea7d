package dk.tilsyn.access.internal;

/** What an uploaded file is to the analysis. */
public enum EvidenceKind {
    EXTRACT, CHANGELOG, PARAMETERS;

    /** The kind a form names, if it is one (the system is looked up first, so a bad value is a message, not 400). */
    static java.util.Optional<EvidenceKind> parse(String name) {
        for (EvidenceKind kind : values()) {
            if (kind.name().equals(name)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }

    public String messageKey() {
        return "evidence.kind." + name();
    }
}

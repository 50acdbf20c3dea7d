package dk.tilsyn.engine.access;

import java.util.Locale;
import java.util.Optional;

/** Kinds of entitlement ({@code entitlement_type}). */
public enum EntitlementType {
    ROLE, RIGHTS_SET, PROKURA, MANDATE, OTHER;

    // Computed once: the codes are compared for every row of every extract.
    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    private static final EntitlementType[] VALUES = values();

    public static Optional<EntitlementType> fromCode(String code) {
        String wanted = code.strip();
        for (EntitlementType type : VALUES) {
            if (type.code.equalsIgnoreCase(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

package dk.tilsyn.engine.access;

import java.util.Locale;
import java.util.Optional;

/** Kinds of entitlement ({@code entitlement_type}). */
public enum EntitlementType {
    ROLE, RIGHTS_SET, PROKURA, MANDATE, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EntitlementType> fromCode(String code) {
        for (EntitlementType type : values()) {
            if (type.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

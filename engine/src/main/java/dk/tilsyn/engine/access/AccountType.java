package dk.tilsyn.engine.access;

import java.util.Locale;
import java.util.Optional;

/** Kinds of account ({@code account_type}); everything but PERSONAL is evaluated as its own subject. */
public enum AccountType {
    PERSONAL, GENERIC, ROBOT, BATCH, FIREFIGHTER, SERVICE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean personal() {
        return this == PERSONAL;
    }

    public static Optional<AccountType> fromCode(String code) {
        for (AccountType type : values()) {
            if (type.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

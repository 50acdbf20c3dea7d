package dk.tilsyn.engine.access;

import java.util.Locale;
import java.util.Optional;

/** Kinds of account ({@code account_type}); everything but PERSONAL is evaluated as its own subject. */
public enum AccountType {
    PERSONAL, GENERIC, ROBOT, BATCH, FIREFIGHTER, SERVICE;

    // Computed once: the codes are compared for every row of every extract.
    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    public boolean personal() {
        return this == PERSONAL;
    }

    private static final AccountType[] VALUES = values();

    public static Optional<AccountType> fromCode(String code) {
        String wanted = code.strip();
        for (AccountType type : VALUES) {
            if (type.code.equalsIgnoreCase(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

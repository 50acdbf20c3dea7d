package dk.tilsyn.engine.rules;

import java.util.Locale;
import java.util.Optional;

/** Where the functions of a rule may come from. */
public enum RuleScope {
    /** From any systems (the usual cross-system rule). */
    ANY,
    /** All from one system, e.g. setup and transaction roles in the same system (004 §4.1.4). */
    SAME_SYSTEM;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RuleScope> fromCode(String code) {
        for (RuleScope scope : values()) {
            if (scope.code().equals(code.strip())) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}

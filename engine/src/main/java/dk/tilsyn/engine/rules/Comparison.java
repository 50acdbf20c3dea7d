package dk.tilsyn.engine.rules;

import java.math.BigDecimal;
import java.util.Optional;

/** The numeric comparators a rule set can use; {@link #symbol()} is how YAML writes them. */
public enum Comparison {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(BigDecimal actual, BigDecimal expected) {
        int c = actual.compareTo(expected);
        return switch (this) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ -> c == 0;
        };
    }

    public static Optional<Comparison> fromSymbol(String symbol) {
        for (Comparison comparison : values()) {
            if (comparison.symbol.equals(symbol.strip())) {
                return Optional.of(comparison);
            }
        }
        return Optional.empty();
    }
}

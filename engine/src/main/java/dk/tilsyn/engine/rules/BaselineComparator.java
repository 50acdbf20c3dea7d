package dk.tilsyn.engine.rules;

import java.util.Optional;

/** How a configuration parameter is compared with the expected value(s). */
public enum BaselineComparator {
    LE("<="), GE(">="), EQ("="), IN("in");

    private final String symbol;

    BaselineComparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Optional<BaselineComparator> fromSymbol(String symbol) {
        for (BaselineComparator comparator : values()) {
            if (comparator.symbol.equals(symbol.strip())) {
                return Optional.of(comparator);
            }
        }
        return Optional.empty();
    }
}

package dk.tilsyn.engine.rules;

import java.math.BigDecimal;

/**
 * A condition on an assignment's amount limit, e.g. {@code > 0}.
 *
 * @param matchWhenMissing whether an assignment that states no amount at all satisfies the condition; an extract
 *                         that leaves the amount out must not silently hide every prokura
 */
public record AmountCondition(Comparison comparison, BigDecimal value, boolean matchWhenMissing) {

    public boolean test(BigDecimal amount) {
        return amount == null ? matchWhenMissing : comparison.test(amount, value);
    }

    @Override
    public String toString() {
        return comparison.symbol() + " " + value.toPlainString() + (matchWhenMissing ? " (or unstated)" : "");
    }
}

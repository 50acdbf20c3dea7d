package dk.tilsyn.engine.rules;

import dk.tilsyn.engine.access.EntitlementType;

import java.util.List;

/**
 * When an account's assignments grant a function. {@link Match} holds when one assignment valid on the as-of date
 * matches; {@link AllOf} when every child holds (possibly through different assignments of the same account).
 */
public sealed interface Condition {

    record AnyOf(List<Condition> children) implements Condition {
        public AnyOf {
            children = List.copyOf(children);
        }
    }

    record AllOf(List<Condition> children) implements Condition {
        public AllOf {
            children = List.copyOf(children);
        }
    }

    record Not(Condition child) implements Condition {
    }

    /**
     * One assignment matches.
     *
     * @param entitlements names, any of which matches (case-insensitive); empty = any name
     * @param type         required entitlement type, or null for any
     * @param amount       required amount limit, or null for none
     */
    record Match(List<String> entitlements, EntitlementType type, AmountCondition amount) implements Condition {
        public Match {
            entitlements = List.copyOf(entitlements);
        }

        Match withEntitlements(List<String> names) {
            return new Match(names, type, amount);
        }
    }
}

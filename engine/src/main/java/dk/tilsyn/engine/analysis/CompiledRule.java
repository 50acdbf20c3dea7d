package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.rules.Rule;

import java.util.List;

/**
 * A rule as bitmask tests. A rule of scope {@code any} has one variant; a {@code same-system} rule has one variant
 * per system, each restricted to that system's functions.
 *
 * @param supersedes indexes of the rules whose finding this rule's finding replaces
 */
record CompiledRule(int index, Rule rule, List<Variant> variants, int[] supersedes) {

    /** Holds every function of {@code all} and one of each group. */
    record Variant(long[] all, long[][] groups, long[] mask) {

        boolean matches(long[] held) {
            if (!Bits.containsAll(held, all)) {
                return false;
            }
            for (long[] group : groups) {
                if (!Bits.intersects(held, group)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The functions involved when the rule fires on {@code held}, or null when it does not fire. */
    long[] involved(long[] held, boolean ownUser) {
        if (rule.ownUsersOnly() && !ownUser) {
            return null;
        }
        long[] involved = null;
        for (Variant variant : variants) {
            if (variant.matches(held)) {
                if (involved == null) {
                    involved = new long[held.length];
                }
                Bits.orInto(involved, held, variant.mask());
            }
        }
        return involved;
    }
}

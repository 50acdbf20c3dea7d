package dk.tilsyn.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Walks and rewrites {@link Condition} trees. */
public final class Conditions {

    private Conditions() {
    }

    /** Every matcher of the tree, in document order. */
    public static List<Condition.Match> matches(Condition condition) {
        List<Condition.Match> out = new ArrayList<>();
        collect(condition, out);
        return out;
    }

    private static void collect(Condition condition, List<Condition.Match> out) {
        switch (condition) {
            case Condition.Match m -> out.add(m);
            case Condition.Not n -> collect(n.child(), out);
            case Condition.AnyOf a -> a.children().forEach(c -> collect(c, out));
            case Condition.AllOf a -> a.children().forEach(c -> collect(c, out));
        }
    }

    static boolean names(Condition.Match match, String name) {
        return match.entitlements().stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    static Condition replace(Condition condition, UnaryOperator<Condition.Match> replacer) {
        return switch (condition) {
            case Condition.Match m -> replacer.apply(m);
            case Condition.Not n -> new Condition.Not(replace(n.child(), replacer));
            case Condition.AnyOf a -> new Condition.AnyOf(a.children().stream().map(c -> replace(c, replacer)).toList());
            case Condition.AllOf a -> new Condition.AllOf(a.children().stream().map(c -> replace(c, replacer)).toList());
        };
    }
}

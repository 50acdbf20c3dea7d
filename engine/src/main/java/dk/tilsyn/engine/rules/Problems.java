package dk.tilsyn.engine.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects the problems of one load so the author sees all of them at once, not one per attempt. */
final class Problems {

    private final List<RuleSetProblem> list = new ArrayList<>();

    void add(String origin, String path, String message) {
        list.add(new RuleSetProblem(origin, path, message));
    }

    /**
     * "(forventet en af: a, b, c)": every message about a closed vocabulary lists it, so the author can fix the value
     * without looking up the format.
     */
    static String oneOf(Collection<String> allowed) {
        return "(forventet en af: " + String.join(", ", allowed) + ")";
    }

    // References that several checks resolve share one wording, so the author sees the same sentence everywhere.

    static String unknownFunction(String ref) {
        return "ukendt funktion '" + ref + "' – forventet en funktion defineret i regelsættet (system.funktion)";
    }

    static String unknownRule(String id) {
        return "ukendt regel '" + id + "' – forventet id'et på en regel i regelsættet";
    }

    static String unknownSystem(String id) {
        return "ukendt system '" + id + "' – forventet id'et på et system defineret under systems";
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new RuleSetException(list);
        }
    }
}

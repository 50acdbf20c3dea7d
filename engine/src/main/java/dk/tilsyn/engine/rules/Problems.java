package dk.tilsyn.engine.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one load so the author sees all of them at once, not one per attempt. */
final class Problems {

    private final List<RuleSetProblem> list = new ArrayList<>();

    void add(String origin, String path, String message) {
        list.add(new RuleSetProblem(origin, path, message));
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

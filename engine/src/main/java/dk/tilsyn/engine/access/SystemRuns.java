package dk.tilsyn.engine.access;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a list that comes extract by extract into runs of one system each. Indexes per system are then built
 * run by run, on every core, without hashing each element into a group first. A system read from two extracts
 * gives two runs, in the order given.
 */
public final class SystemRuns {

    private SystemRuns() {
    }

    /** The runs as views of the list, in order; none for an empty list. */
    public static <T> List<List<T>> of(List<T> elements, Function<T, String> system) {
        List<List<T>> runs = new ArrayList<>();
        if (elements.isEmpty()) {
            return runs;
        }
        int start = 0;
        String current = system.apply(elements.getFirst());
        // One call per element: this loop runs once per analysis over every account, mostly before it is compiled.
        for (int i = 1; i < elements.size(); i++) {
            String next = system.apply(elements.get(i));
            if (!next.equals(current)) {
                runs.add(elements.subList(start, i));
                start = i;
                current = next;
            }
        }
        runs.add(elements.subList(start, elements.size()));
        return runs;
    }
}

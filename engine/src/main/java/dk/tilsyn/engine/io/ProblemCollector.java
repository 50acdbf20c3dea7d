package dk.tilsyn.engine.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the problems of one file. Keeps the first {@code cap} and counts the rest, so a file
 * that is wrong on every one of a million lines costs neither memory nor a giant error page.
 */
public final class ProblemCollector {

    private final String file;
    private final int cap;
    private final List<ImportProblem> kept = new ArrayList<>();
    private long omitted;

    public ProblemCollector(String file, int cap) {
        this.file = file;
        this.cap = cap;
    }

    public void add(ImportProblem problem) {
        if (kept.size() < cap) {
            kept.add(problem);
        } else {
            omitted++;
        }
    }

    public boolean isEmpty() {
        return kept.isEmpty();
    }

    /** Throws when anything was collected; an import is all-or-nothing. */
    public void throwIfAny() {
        if (!kept.isEmpty()) {
            throw new InvalidInputException(file, kept, omitted);
        }
    }

    /** Adds a problem that makes further reading pointless and throws with everything so far. */
    public InvalidInputException fatal(ImportProblem problem) {
        add(problem);
        return new InvalidInputException(file, kept, omitted);
    }
}

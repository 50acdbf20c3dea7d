package dk.tilsyn.engine.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A file was rejected as a whole. Carries every problem found (up to the cap), so the user can
 * fix them all in one go instead of one per upload.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final List<ImportProblem> problems;
    private final long omitted;

    public InvalidInputException(String file, List<ImportProblem> problems, long omitted) {
        super(summary(file, problems, omitted));
        this.file = file;
        this.problems = List.copyOf(problems);
        this.omitted = omitted;
    }

    /** The display name of the rejected file. */
    public String file() {
        return file;
    }

    /** The problems kept, in the order found; never empty. */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** How many further problems were found but not kept because of the cap. */
    public long omitted() {
        return omitted;
    }

    private static String summary(String file, List<ImportProblem> problems, long omitted) {
        long total = problems.size() + omitted;
        String head = file + " blev afvist (" + total + (total == 1 ? " fejl):\n" : " fejl):\n");
        String lines = problems.stream().map(ImportProblem::message).collect(Collectors.joining("\n"));
        return omitted == 0 ? head + lines : head + lines + "\n… og " + omitted + " fejl mere.";
    }
}

package dk.tilsyn.organisation.internal;

import dk.tilsyn.engine.io.ImportProblem;

import java.util.List;

/** A file refused whole: every problem found (up to the cap) and how many more were left out. */
public class ImportRejected extends RuntimeException {

    private final String file;
    private final List<ImportProblem> problems;
    private final long omitted;

    ImportRejected(String file, List<ImportProblem> problems, long omitted) {
        super(file + ": " + problems.size() + " problems");
        this.file = file;
        this.problems = List.copyOf(problems);
        this.omitted = omitted;
    }

    public String file() {
        return file;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public long omitted() {
        return omitted;
    }
}

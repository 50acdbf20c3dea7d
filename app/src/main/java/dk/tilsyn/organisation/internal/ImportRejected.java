package dk.tilsyn.organisation.internal;

import dk.tilsyn.engine.io.ImportProblem;

import java.util.List;

/** A file refused whole: every problem found (up to the cap) and how many more were left out. */
class ImportRejected extends RuntimeException {

    private final String file;
    private final List<ImportProblem> problems;
    private final long omitted;

    ImportRejected(String file, List<ImportProblem> problems, long omitted) {
        super(file + ": " + problems.size() + " problems");
        this.file = file;
        this.problems = List.copyOf(problems);
        this.omitted = omitted;
    }

    String file() {
        return file;
    }

    List<ImportProblem> problems() {
        return problems;
    }

    long omitted() {
        return omitted;
    }
}

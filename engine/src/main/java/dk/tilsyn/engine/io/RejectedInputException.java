package dk.tilsyn.engine.io;

import java.io.IOException;

/**
 * Thrown from inside a stream or reader when the input must be rejected, so the rejection
 * travels through library code (FastCSV wraps it in an UncheckedIOException) to the reader.
 */
final class RejectedInputException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient ImportProblem problem;

    RejectedInputException(ImportProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    ImportProblem problem() {
        return problem;
    }
}

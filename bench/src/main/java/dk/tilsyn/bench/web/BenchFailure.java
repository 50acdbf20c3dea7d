package dk.tilsyn.bench.web;

/** The server did not answer as a user would expect; the bench stops with what it saw. */
public final class BenchFailure extends RuntimeException {

    public BenchFailure(String message) {
        super(message);
    }
}

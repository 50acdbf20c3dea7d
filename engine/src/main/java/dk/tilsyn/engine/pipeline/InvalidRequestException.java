package dk.tilsyn.engine.pipeline;

/** The request itself does not hold together (not a file's content): a Danish message saying what to fix. */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}

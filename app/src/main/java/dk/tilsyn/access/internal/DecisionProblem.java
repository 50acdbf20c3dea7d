package dk.tilsyn.access.internal;

/** A decision that cannot be taken as asked; the message key says why, in the user's language. */
class DecisionProblem extends RuntimeException {

    private final String messageKey;

    DecisionProblem(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}

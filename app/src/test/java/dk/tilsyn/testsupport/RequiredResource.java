package dk.tilsyn.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * The house rule for real parts a test needs (PostgreSQL, Chromium): present → run; missing under {@code CI=true}
 * → fail the run; missing elsewhere → skip with a visible reason.
 */
final class RequiredResource {

    private RequiredResource() {
    }

    static ConditionEvaluationResult evaluate(String what, boolean available, boolean ci) {
        if (available) {
            return ConditionEvaluationResult.enabled(what + " is available");
        }
        String message = what + " is not available";
        if (ci) {
            throw new IllegalStateException(message + ", and CI=true makes it mandatory: failing the run.");
        }
        String reason = "SKIPPED: " + message + " (mandatory under CI=true)";
        System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}

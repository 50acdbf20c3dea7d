package dk.tilsyn.access.internal;

import dk.tilsyn.platform.api.ApiProblems;
import org.springframework.http.HttpStatus;

/** Ends an API request with a problem answer (status, message key, the field at fault). */
final class ApiFailure extends RuntimeException {

    private final transient ApiProblems.Problem problem;

    ApiFailure(HttpStatus status, String field, String detailKey, Object... arguments) {
        super(detailKey, null, false, false);
        this.problem = new ApiProblems.Problem(status, field, detailKey, arguments);
    }

    static ApiFailure badRequest(String field, String detailKey, Object... arguments) {
        return new ApiFailure(HttpStatus.BAD_REQUEST, field, detailKey, arguments);
    }

    ApiProblems.Problem problem() {
        return problem;
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.platform.api.ApiProblems;
import dk.tilsyn.platform.tenancy.ApiTokenOnly;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;
import java.util.UUID;

/**
 * The preventive-check API for an IGA or a request form: {@code POST /api/v1/forebyggende-kontrol} with an API
 * token, and its OpenAPI description. Every answer is JSON; an error is a problem document naming what is wrong.
 */
@RestController
class PreventiveCheckController {

    static final String PATH = "/api/v1/forebyggende-kontrol";
    static final String OPENAPI = "/api/v1/openapi.yaml";
    private static final Logger log = LoggerFactory.getLogger(PreventiveCheckController.class);
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final PreventiveCheckService checks;
    private final ApiProblems problems;

    PreventiveCheckController(PreventiveCheckService checks, ApiProblems problems) {
        this.checks = checks;
        this.problems = problems;
    }

    @PostMapping(PATH)
    @ApiTokenOnly
    ResponseEntity<PreventiveCheckAnswer> check(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        PreventiveCheckAnswer answer = checks.check(PreventiveCheckRequest.parse(body), ApiProblems.localeOf(request));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** The API's description: public, like any API documentation; it holds no data. */
    @GetMapping(OPENAPI)
    @dk.tilsyn.platform.tenancy.PublicPage
    ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource("api/openapi.yaml"));
    }

    @ExceptionHandler(ApiFailure.class)
    ResponseEntity<Map<String, Object>> failure(ApiFailure failure, HttpServletRequest request) {
        return problems.entity(failure.problem(), request);
    }

    /** Refusals raised before the handler ran (the access rule) keep their status. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> refused(ResponseStatusException refusal, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
        String key = status == HttpStatus.UNAUTHORIZED ? "api.token.missing"
                : status == HttpStatus.FORBIDDEN ? "api.forbidden" : "api.problem.status";
        return problems.entity(new ApiProblems.Problem(status, null, key), request);
    }

    /** An integrator gets an error id to quote, never a stack trace. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException error, HttpServletRequest request) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error id {} on {}", errorId, request.getRequestURI(), error);
        return problems.entity(new ApiProblems.Problem(HttpStatus.INTERNAL_SERVER_ERROR, null, "api.unexpected", errorId),
                request);
    }
}

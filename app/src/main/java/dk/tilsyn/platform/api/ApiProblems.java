package dk.tilsyn.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Error answers of the machine API as RFC 9457 problem details: {@code status}, {@code title}, {@code detail} and,
 * for a bad request, the {@code field} at fault. Texts come from {@code i18n/api*.properties}: Danish unless the
 * client's {@code Accept-Language} asks for English first.
 */
@Component
public class ApiProblems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** A problem to answer with; {@code detailKey} is a message key, {@code field} may be null. */
    public record Problem(HttpStatus status, String field, String detailKey, Object... arguments) {
    }

    public Map<String, Object> body(Problem problem, HttpServletRequest request) {
        Locale locale = localeOf(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problem.status().value());
        body.put("title", messages.getMessage("api.problem." + problem.status().value(), null,
                problem.status().getReasonPhrase(), locale));
        body.put("detail", messages.getMessage(problem.detailKey(), problem.arguments(), locale));
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        return body;
    }

    public ResponseEntity<Map<String, Object>> entity(Problem problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status()).contentType(PROBLEM_JSON).body(body(problem, request));
    }

    /** For filters, which answer before Spring MVC is reached. */
    public void write(Problem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(problem.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"tilsyn\"");
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(body(problem, request)));
    }

    /** English when the client lists English before Danish; Danish otherwise (also when it says nothing). */
    public static Locale localeOf(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return DANISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().split("-")[0];
                if (language.equals("da")) {
                    return DANISH;
                }
                if (language.equals("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return DANISH;
        }
        return DANISH;
    }
}

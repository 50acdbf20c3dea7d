package dk.tilsyn.platform.security;

import dk.tilsyn.platform.api.ApiProblems;
import dk.tilsyn.platform.api.ApiTokenService;
import dk.tilsyn.platform.api.TokenCheck;
import dk.tilsyn.platform.tenancy.ApiClient;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.format.DateTimeFormatter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API's paths. A request without the header goes on
 * anonymous (and is refused by the chain where a token is needed); a header with an unknown, revoked or expired
 * token is answered 401 here, with the reason in Danish.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final ApiTokenService tokens;
    private final ApiProblems problems;

    ApiTokenFilter(ApiTokenService tokens, ApiProblems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(request, response, "api.token.notBearer");
            return;
        }
        TokenCheck check = tokens.check(header.substring(BEARER.length()).strip());
        switch (check) {
            case TokenCheck.Valid valid -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ApiTokenAuthentication(
                        new ApiClient(valid.tokenId(), valid.institutionId(), valid.name())));
                SecurityContextHolder.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
            case TokenCheck.Unknown unknown -> refuse(request, response, "api.token.unknown");
            case TokenCheck.Revoked revoked -> refuse(request, response, "api.token.revoked", DANISH_DATE.format(revoked.on()));
            case TokenCheck.Expired expired -> refuse(request, response, "api.token.expired", DANISH_DATE.format(expired.on()));
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String key, Object... arguments)
            throws IOException {
        problems.write(new ApiProblems.Problem(HttpStatus.UNAUTHORIZED, null, key, arguments), request, response);
    }
}

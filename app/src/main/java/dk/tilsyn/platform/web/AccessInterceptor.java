package dk.tilsyn.platform.web;

import dk.tilsyn.platform.security.ApiTokenAuthentication;
import dk.tilsyn.platform.security.CurrentUserFactory;
import dk.tilsyn.platform.tenancy.ApiClient;
import dk.tilsyn.platform.tenancy.AccessRules;
import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Optional;

/**
 * Puts the signed-in user and their institution in scope for the request and enforces the handler's access rule.
 * Tilsyn's own handlers without a rule are refused: forgetting the annotation closes a page rather than opening it.
 */
@Component
public class AccessInterceptor implements HandlerInterceptor {

    public static final String INSTITUTION_ATTRIBUTE = "tilsyn.institution";
    public static final String USER_ATTRIBUTE = "currentUser";
    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);

    private final CurrentUserFactory currentUsers;

    AccessInterceptor(CurrentUserFactory currentUsers) {
        this.currentUsers = currentUsers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        ApiClient apiClient = apiClient();
        Optional<CurrentUser> user = apiClient != null ? Optional.empty() : signedInUser(request);
        user.ifPresent(u -> {
            TenantContext.set(u);
            request.setAttribute(USER_ATTRIBUTE, u);
        });
        if (apiClient != null) {
            TenantContext.set(apiClient);
        }
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("dk.tilsyn")) {
            return true;
        }
        AccessRules.Rule rule = AccessRules.of(method).orElse(null);
        if (rule == null) {
            log.error("Refused {}: handler {} has no access annotation", request.getRequestURI(), method);
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (rule instanceof AccessRules.Public) {
            return true;
        }
        // A token opens the API's handlers and nothing else; a signed-in user never opens them.
        if (rule instanceof AccessRules.ApiToken || apiClient != null) {
            if (apiClient == null) {
                throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
            }
            if (!(rule instanceof AccessRules.ApiToken)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            return true;
        }
        CurrentUser current = user.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        if (current.mustChangePassword() && !(rule instanceof AccessRules.SignedIn)) {
            response.sendRedirect(request.getContextPath() + "/konto/adgangskode");
            return false;
        }
        boolean allowed = switch (rule) {
            case AccessRules.SignedIn signedIn -> true;
            case AccessRules.Member member -> current.isMember();
            case AccessRules.Roles roles -> roles.anyOf().stream().anyMatch(r -> current.roles().contains(r));
            case AccessRules.PlatformAdmin platform -> current.platformAdmin();
            case AccessRules.Public open -> true;
            case AccessRules.ApiToken token -> false;
        };
        if (!allowed) {
            if (!current.isMember() && "GET".equals(request.getMethod()) && "/".equals(request.getServletPath())) {
                response.sendRedirect(request.getContextPath() + "/konto");
                return false;
            }
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        TenantContext.clear();
    }

    private static ApiClient apiClient() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication token
                ? token.client() : null;
    }

    private Optional<CurrentUser> signedInUser(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                || auth instanceof ApiTokenAuthentication) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        Long preferred = session == null ? null : (Long) session.getAttribute(INSTITUTION_ATTRIBUTE);
        return currentUsers.load(auth.getName(), preferred);
    }
}

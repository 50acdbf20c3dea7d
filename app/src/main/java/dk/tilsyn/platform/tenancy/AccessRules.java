package dk.tilsyn.platform.tenancy;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a handler's access annotation (method first, then class). A handler with none, or with more than one,
 * has no rule — and is refused.
 */
public final class AccessRules {

    /** What a handler demands. */
    public sealed interface Rule permits Public, SignedIn, Member, Roles, PlatformAdmin, ApiToken {
    }

    public record Public() implements Rule {
    }

    public record SignedIn() implements Rule {
    }

    public record Member() implements Rule {
    }

    public record Roles(Set<Role> anyOf) implements Rule {
    }

    public record PlatformAdmin() implements Rule {
    }

    /** A machine client with a valid API token; no signed-in user. */
    public record ApiToken() implements Rule {
    }

    private AccessRules() {
    }

    public static Optional<Rule> of(HandlerMethod handler) {
        Optional<Rule> onMethod = ruleOn(handler.getMethod());
        return onMethod.isPresent() ? onMethod : ruleOn(handler.getBeanType());
    }

    private static Optional<Rule> ruleOn(java.lang.reflect.AnnotatedElement element) {
        RequiresRole roles = AnnotatedElementUtils.findMergedAnnotation(element, RequiresRole.class);
        boolean member = AnnotatedElementUtils.hasAnnotation(element, MemberOnly.class);
        boolean signedIn = AnnotatedElementUtils.hasAnnotation(element, WithoutInstitution.class);
        boolean open = AnnotatedElementUtils.hasAnnotation(element, PublicPage.class);
        boolean platform = AnnotatedElementUtils.hasAnnotation(element, PlatformAdminOnly.class);
        boolean token = AnnotatedElementUtils.hasAnnotation(element, ApiTokenOnly.class);
        int count = (roles != null ? 1 : 0) + (member ? 1 : 0) + (signedIn ? 1 : 0) + (open ? 1 : 0) + (platform ? 1 : 0)
                + (token ? 1 : 0);
        if (count != 1) {
            return Optional.empty();
        }
        if (roles != null) {
            return Optional.of(new Roles(roles.value().length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles.value()))));
        }
        if (member) {
            return Optional.of(new Member());
        }
        if (platform) {
            return Optional.of(new PlatformAdmin());
        }
        if (token) {
            return Optional.of(new ApiToken());
        }
        return Optional.of(signedIn ? new SignedIn() : new Public());
    }
}

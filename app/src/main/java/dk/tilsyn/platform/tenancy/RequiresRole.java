package dk.tilsyn.platform.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler admits users holding any of these roles in their current institution. Every controller handler in
 * Tilsyn carries exactly one access annotation ({@link RequiresRole}, {@link MemberOnly}, {@link PublicPage},
 * {@link PlatformAdminOnly}, {@link WithoutInstitution} or {@link ApiTokenOnly}); one without is refused (fail closed) and fails the build's access test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
    Role[] value();
}

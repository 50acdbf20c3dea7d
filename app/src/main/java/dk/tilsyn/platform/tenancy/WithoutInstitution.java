package dk.tilsyn.platform.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler serves any signed-in user, with or without a role in an institution (own account, switching
 * institution, platform administration guarded by its own check). It must not read tenant-scoped data.
 * See {@link RequiresRole}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WithoutInstitution {
}

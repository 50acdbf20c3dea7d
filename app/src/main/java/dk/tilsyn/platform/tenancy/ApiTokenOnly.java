package dk.tilsyn.platform.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler serves machine clients that present a valid API token ({@code Authorization: Bearer …}) and nobody
 * else — not even a signed-in user. The token fixes the institution ({@link TenantContext#institutionId()}); there
 * is no user ({@link TenantContext#user()} is empty, {@link TenantContext#apiClient()} is set). See
 * {@link RequiresRole} and decision 0008.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ApiTokenOnly {
}

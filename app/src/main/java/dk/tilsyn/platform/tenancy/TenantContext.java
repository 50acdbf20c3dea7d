package dk.tilsyn.platform.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The user and institution of the work on this thread. Set for each web request by the access interceptor and by
 * background work explicitly; repositories read the institution from here so no query can forget its scope.
 */
public final class TenantContext {

    private static final ThreadLocal<CurrentUser> USER = new ThreadLocal<>();
    private static final ThreadLocal<Long> INSTITUTION = new ThreadLocal<>();
    private static final ThreadLocal<ApiClient> API_CLIENT = new ThreadLocal<>();

    private TenantContext() {
    }

    /** The institution the current work is scoped to; fails loudly rather than run an unscoped query. */
    public static long institutionId() {
        Long id = INSTITUTION.get();
        if (id == null) {
            throw new IllegalStateException("No institution in scope: tenant-scoped data accessed outside a request or runAs");
        }
        return id;
    }

    public static Optional<CurrentUser> user() {
        return Optional.ofNullable(USER.get());
    }

    public static void set(CurrentUser user) {
        USER.set(user);
        INSTITUTION.set(user.institution() == null ? null : user.institution().id());
    }

    /** A request authenticated by an API token: its institution is in scope, and there is no user. */
    public static void set(ApiClient client) {
        USER.remove();
        API_CLIENT.set(client);
        INSTITUTION.set(client.institutionId());
    }

    public static Optional<ApiClient> apiClient() {
        return Optional.ofNullable(API_CLIENT.get());
    }

    public static void clear() {
        USER.remove();
        API_CLIENT.remove();
        INSTITUTION.remove();
    }

    /** Runs work for one institution outside a web request (start-up, jobs), restoring the previous scope after. */
    public static <T> T runAs(long institutionId, Supplier<T> work) {
        Long previous = INSTITUTION.get();
        INSTITUTION.set(institutionId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                INSTITUTION.remove();
            } else {
                INSTITUTION.set(previous);
            }
        }
    }
}

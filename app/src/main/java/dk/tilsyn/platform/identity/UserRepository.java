package dk.tilsyn.platform.identity;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.Inserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users are installation-wide; institution-scoped listings go through their role grants. */
@Repository
public class UserRepository {

    private static final String COLUMNS = """
            select id, username, display_name, email, password_hash, must_change_password, platform_admin,
                   enabled, failed_logins, locked_until, created_at
            from app_user
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<AppUser> findByUsername(String username) {
        return jdbc.sql(COLUMNS + "where username_key = ?").param(key(username)).query(RecordRows.of(AppUser.class)).optional();
    }

    public Optional<AppUser> findById(long id) {
        return jdbc.sql(COLUMNS + "where id = ?").param(id).query(RecordRows.of(AppUser.class)).optional();
    }

    /** Users holding at least one role in the institution. */
    public List<AppUser> findByInstitution(long institutionId) {
        return jdbc.sql(COLUMNS + "where id in (select user_id from user_role where institution_id = ?) order by display_name")
                .param(institutionId).query(RecordRows.of(AppUser.class)).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public AppUser insert(NewUser user, String passwordHash) {
        long id = Inserts.returningId(jdbc.sql("""
                        insert into app_user (username, username_key, display_name, email, password_hash,
                                              must_change_password, platform_admin, enabled, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, true, ?)""")
                .params(user.username().strip(), key(user.username()), user.displayName(), user.email(), passwordHash,
                        user.mustChangePassword(), user.platformAdmin(), Clock.now()));
        return findById(id).orElseThrow();
    }

    public void updatePassword(long userId, String passwordHash, boolean mustChange) {
        jdbc.sql("update app_user set password_hash = ?, must_change_password = ? where id = ?")
                .params(passwordHash, mustChange, userId).update();
    }

    public void updateProfile(long userId, String displayName, String email) {
        jdbc.sql("update app_user set display_name = ?, email = ? where id = ?").params(displayName, email, userId).update();
    }

    public void setEnabled(long userId, boolean enabled) {
        jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, userId).update();
    }

    public void recordFailedLogin(long userId, int failedLogins, OffsetDateTime lockedUntil) {
        jdbc.sql("update app_user set failed_logins = ?, locked_until = ? where id = ?")
                .params(failedLogins, lockedUntil, userId).update();
    }

    public void resetFailedLogins(long userId) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = ?").param(userId).update();
    }
}

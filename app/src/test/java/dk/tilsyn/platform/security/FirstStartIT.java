package dk.tilsyn.platform.security;

import dk.tilsyn.testsupport.TilsynIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The production first-start path ran against the empty test database (demo data on, as by default). */
@TilsynIntegrationTest
class FirstStartIT {

    private static final List<String> OBVIOUS_PASSWORDS = List.of(
            "admin", "Admin", "administrator", "password", "Password1", "changeme", "tilsyn", "Tilsyn", "demo",
            "123456", "admin123", "");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    record Admin(long id, String username, String passwordHash, boolean mustChangePassword, boolean platformAdmin,
                 boolean enabled) {
    }

    @Test
    void exactlyOneAdministratorWithAOneTimeArgon2Password() {
        List<Admin> admins = jdbc.sql("""
                        select id, username, password_hash, must_change_password, platform_admin, enabled
                        from app_user where username_key = 'admin'""")
                .query(Admin.class).list();

        assertThat(admins).hasSize(1);
        Admin admin = admins.getFirst();
        assertThat(admin.username()).isEqualTo("admin");
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(admin.platformAdmin()).isTrue();
        assertThat(admin.enabled()).isTrue();
        assertThat(admin.passwordHash()).isNotNull().startsWith("{argon2}");
        for (String obvious : OBVIOUS_PASSWORDS) {
            assertThat(passwordEncoder.matches(obvious, admin.passwordHash()))
                    .as("the first-start password must not be '%s'", obvious).isFalse();
        }
    }

    @Test
    void theAdministratorAdministersDemostyrelsen() {
        List<String> institutions = jdbc.sql("select name from institution where code = 'DEMO'").query(String.class).list();
        assertThat(institutions).containsExactly("Demostyrelsen");

        List<String> roles = jdbc.sql("""
                        select r.role from user_role r
                        join app_user u on u.id = r.user_id
                        join institution i on i.id = r.institution_id
                        where u.username_key = 'admin' and i.code = 'DEMO'
                        order by r.role""")
                .query(String.class).list();
        assertThat(roles).containsExactly("ADMINISTRATOR", "SECURITY_COORDINATOR");
        assertThat(jdbc.sql("""
                        select count(*) from user_role r join app_user u on u.id = r.user_id
                        where u.username_key = 'admin'""").query(Long.class).single())
                .as("no roles anywhere else").isEqualTo(2L);
    }

    @Test
    void theCreationIsInTheInstitutionsAuditTrail() {
        List<String> actions = jdbc.sql("""
                        select a.action from audit_entry a
                        join institution i on a.chain = concat('institution:', cast(i.id as varchar(20)))
                        where i.code = 'DEMO' order by a.seq""")
                .query(String.class).list();
        assertThat(actions).startsWith("CREATE", "CREATE", "ROLE_GRANTED", "ROLE_GRANTED");
    }
}

package dk.tilsyn.testsupport;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.identity.InstitutionService;
import dk.tilsyn.platform.identity.NewUser;
import dk.tilsyn.platform.identity.UserService;
import dk.tilsyn.platform.tenancy.Role;
import org.springframework.boot.test.context.TestComponent;

import java.util.Locale;

/**
 * Creates institutions, users and role grants through the application's own services (so passwords are hashed by
 * its encoder and every change is in the audit trail), with unique names so tests never collide.
 */
@TestComponent
public class TestUsers {

    /** Long enough and varied enough for the password policy; never contains a username. */
    public static final String PASSWORD = "Korrekt-Hest-Batteri-42";

    private final InstitutionService institutions;
    private final UserService users;

    TestUsers(InstitutionService institutions, UserService users) {
        this.institutions = institutions;
        this.users = users;
    }

    /** A user with a local password who need not change it. */
    public record TestUser(AppUser user, String password) {
        public String username() {
            return user.username();
        }

        public String displayName() {
            return user.displayName();
        }

        public long id() {
            return user.id();
        }
    }

    public Institution institution(String label) {
        String code = Unique.name(label).toUpperCase(Locale.ROOT);
        return institutions.create(code, "Styrelsen " + code);
    }

    public TestUser user(Institution institution, Role... roles) {
        return create(institution, false, PASSWORD, roles);
    }

    /** A user holding a one-time password: must choose a new one at first login. */
    public TestUser userWithOneTimePassword(Institution institution, Role... roles) {
        return create(institution, true, PASSWORD, roles);
    }

    /** A user without a local password, who can only sign in through OIDC. */
    public AppUser oidcOnlyUser(Institution institution, Role... roles) {
        return create(institution, false, null, roles).user();
    }

    private TestUser create(Institution institution, boolean mustChangePassword, String password, Role... roles) {
        String username = Unique.name("bruger");
        AppUser user = users.create(new NewUser(username, "Testperson " + username, username + "@example.invalid",
                mustChangePassword, false), password, institution.id());
        for (Role role : roles) {
            users.grant(user.id(), institution.id(), role, null);
        }
        return new TestUser(user, password);
    }
}

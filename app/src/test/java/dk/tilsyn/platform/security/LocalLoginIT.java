package dk.tilsyn.platform.security;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TestUsers.TestUser;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dk.tilsyn.testsupport.WebClient.locationPath;
import static org.assertj.core.api.Assertions.assertThat;

/** Local sign-in over real HTTP: form, CSRF, lockout, audit, session fixation, security headers, password change. */
@TilsynIntegrationTest
class LocalLoginIT {

    private static final String SHORT_PASSWORD_MESSAGE = "Den nye adgangskode skal være på mindst 12 tegn.";

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LoginSettings loginSettings;

    Institution institution;
    WebClient browser;

    @BeforeEach
    void setUp() {
        institution = testUsers.institution("login");
        browser = new WebClient(port);
    }

    @Test
    void rightPasswordLeadsToTheDashboardWithTheUsersName() {
        TestUser user = testUsers.user(institution, Role.CONTROLLER);

        HttpResponse<String> login = browser.login(user.username(), user.password());

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(locationPath(login)).isEqualTo("/");
        HttpResponse<String> dashboard = browser.follow(login);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.uri().getPath()).isEqualTo("/");
        assertThat(dashboard.body()).contains(user.displayName()).contains(institution.name());
        assertThat(loginAuditActions(user)).containsExactly("LOGIN_SUCCEEDED");
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() {
        TestUser user = testUsers.user(institution, Role.CONTROLLER);

        HttpResponse<String> login = browser.login(user.username(), "Forkert-Adgangskode-1");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(locationPath(login)).isEqualTo("/login?error");
        assertThat(browser.follow(login).body()).contains("Forkert brugernavn eller adgangskode");
        assertThat(browser.get("/").statusCode()).as("still signed out").isEqualTo(302);
        assertThat(loginAuditActions(user)).containsExactly("LOGIN_FAILED");
        assertThat(failedLogins(user)).isEqualTo(1);
    }

    @Test
    void tooManyWrongPasswordsLockTheAccountEvenAgainstTheRightPassword() {
        TestUser user = testUsers.user(institution, Role.CONTROLLER);
        int maxAttempts = loginSettings.maxFailedAttempts();
        assertThat(maxAttempts).isGreaterThan(1);

        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            assertThat(locationPath(browser.login(user.username(), "Forkert-" + attempt + "-abcdefgh")))
                    .isEqualTo("/login?error");
        }
        assertThat(lockedUntil(user)).as("not locked before the last allowed attempt").isNull();
        assertThat(failedLogins(user)).isEqualTo(maxAttempts - 1);

        OffsetDateTime beforeLock = OffsetDateTime.now();
        assertThat(locationPath(browser.login(user.username(), "Forkert-sidste-abcdefgh"))).isEqualTo("/login?error");
        OffsetDateTime lockedUntil = lockedUntil(user);
        assertThat(lockedUntil).isNotNull();
        assertThat(lockedUntil).isAfter(beforeLock.plus(loginSettings.lockout()).minusMinutes(1));

        HttpResponse<String> rightPassword = browser.login(user.username(), user.password());
        assertThat(locationPath(rightPassword)).isEqualTo("/login?error");
        assertThat(browser.get("/").statusCode()).as("still signed out").isEqualTo(302);

        List<String> expected = new ArrayList<>();
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            expected.add("LOGIN_FAILED");
        }
        expected.add("LOGIN_FAILED");
        expected.add("ACCOUNT_LOCKED");
        expected.add("LOGIN_FAILED");
        assertThat(loginAuditActions(user)).containsExactlyElementsOf(expected);
        assertThat(jdbc.sql("""
                        select after_json from audit_entry
                        where actor_user_id = ? and action = 'LOGIN_FAILED' order by chain, seq""")
                .param(user.id()).query(String.class).list())
                .last().asString().contains("LockedException");
    }

    @Test
    void theSessionIdChangesAtLoginAndTheOldOneGrantsNothing() {
        TestUser user = testUsers.user(institution, Role.CONTROLLER);
        browser.get("/login");
        String before = browser.sessionCookie().orElseThrow(() -> new AssertionError("no session before login"));

        HttpResponse<String> login = browser.login(user.username(), user.password());
        assertThat(locationPath(login)).isEqualTo("/");

        String after = browser.sessionCookie().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        WebClient attacker = new WebClient(port);
        attacker.useSessionCookie(before);
        HttpResponse<String> withOldId = attacker.get("/");
        assertThat(withOldId.statusCode()).isEqualTo(302);
        assertThat(locationPath(withOldId)).isEqualTo("/login");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() {
        TestUser user = testUsers.user(institution, Role.CONTROLLER);
        browser.get("/login");

        HttpResponse<String> login = browser.post("/login", Map.of("username", user.username(), "password", user.password()));
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(loginAuditActions(user)).as("the login was never attempted").isEmpty();

        browser.follow(browser.login(user.username(), user.password()));
        HttpResponse<String> change = browser.post("/konto/adgangskode",
                Map.of("current", user.password(), "password", "Et-Helt-Nyt-Kodeord-7", "repeat", "Et-Helt-Nyt-Kodeord-7"));
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(passwordChanges(user)).isZero();
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        for (HttpResponse<String> response : List.of(browser.get("/login"), signedInDashboard())) {
            assertThat(response.statusCode()).isEqualTo(200);
            String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            String scriptSrc = List.of(csp.split(";")).stream().map(String::strip)
                    .filter(d -> d.startsWith("script-src")).findFirst()
                    .orElseThrow(() -> new AssertionError("no script-src in " + csp));
            assertThat(scriptSrc).isEqualTo("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
        TestUser user = testUsers.userWithOneTimePassword(institution, Role.CONTROLLER);

        HttpResponse<String> login = browser.login(user.username(), user.password());
        assertThat(locationPath(login)).isEqualTo("/");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(locationPath(home)).isEqualTo("/konto/adgangskode");

        String shortPassword = "Kort-pw-1";
        HttpResponse<String> refused = browser.submit("/konto/adgangskode", "/konto/adgangskode",
                Map.of("current", user.password(), "password", shortPassword, "repeat", shortPassword));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains(SHORT_PASSWORD_MESSAGE);
        assertThat(mustChangePassword(user)).isTrue();
        assertThat(locationPath(browser.get("/"))).as("still held at the password page").isEqualTo("/konto/adgangskode");

        String newPassword = "Solsikke-Over-Fjorden-9";
        HttpResponse<String> accepted = browser.submit("/konto/adgangskode", "/konto/adgangskode",
                Map.of("current", user.password(), "password", newPassword, "repeat", newPassword));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(locationPath(accepted)).isEqualTo("/");
        HttpResponse<String> dashboard = browser.follow(accepted);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains(user.displayName());
        assertThat(mustChangePassword(user)).isFalse();
        assertThat(passwordChanges(user)).isEqualTo(1);

        WebClient later = new WebClient(port);
        assertThat(locationPath(later.login(user.username(), user.password()))).isEqualTo("/login?error");
        assertThat(locationPath(later.login(user.username(), newPassword))).isEqualTo("/");
    }

    private HttpResponse<String> signedInDashboard() {
        TestUser user = testUsers.user(institution, Role.CONTROLLER);
        WebClient signedIn = new WebClient(port);
        return signedIn.follow(signedIn.login(user.username(), user.password()));
    }

    /** Login-related audit entries written for this user, oldest first. */
    private List<String> loginAuditActions(TestUser user) {
        return jdbc.sql("""
                        select action from audit_entry
                        where actor_user_id = ? and action in ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED')
                        order by chain, seq""")
                .param(user.id()).query(String.class).list();
    }

    private long passwordChanges(TestUser user) {
        return jdbc.sql("select count(*) from audit_entry where action = 'PASSWORD_CHANGED' and entity_id = ?")
                .param(String.valueOf(user.id())).query(Long.class).single();
    }

    private OffsetDateTime lockedUntil(TestUser user) {
        return jdbc.sql("select locked_until from app_user where id = ?").param(user.id())
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class)).list().getFirst();
    }

    private int failedLogins(TestUser user) {
        return jdbc.sql("select failed_logins from app_user where id = ?").param(user.id()).query(Integer.class).single();
    }

    private boolean mustChangePassword(TestUser user) {
        return jdbc.sql("select must_change_password from app_user where id = ?").param(user.id())
                .query(Boolean.class).single();
    }
}

package dk.tilsyn.platform.web;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.identity.UserService;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TestUsers.TestUser;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dk.tilsyn.testsupport.WebClient.locationPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session row is written when the session changes, not on every page view: the last-access time moves in steps
 * of a minute (CoarseAccessSessionRepository), while sign-in, the chosen language and sign-out are stored at once.
 */
@TilsynIntegrationTest
class SessionWritesIT {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserService users;

    @Test
    void pageViewsWithinAMinuteLeaveTheSessionRowAloneAndLaterOnesMoveIt() {
        Institution institution = testUsers.institution("session-writes");
        TestUser user = testUsers.user(institution, Role.CONTROLLER);
        WebClient browser = new WebClient(port);
        assertThat(locationPath(browser.login(user.username(), user.password()))).isEqualTo("/");
        String sessionId = sessionId(browser);
        long signedIn = lastAccess(sessionId);

        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/").statusCode()).isEqualTo(200);
        }
        assertThat(lastAccess(sessionId)).isEqualTo(signedIn);

        // Two minutes later (the stored time set back), the next page view writes the new time.
        jdbc.sql("update spring_session set last_access_time = ? where session_id = ?")
                .params(signedIn - 120_000, sessionId).update();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(lastAccess(sessionId)).isGreaterThanOrEqualTo(signedIn);
        assertThat(expiry(sessionId)).isGreaterThanOrEqualTo(signedIn + 8 * 3_600_000L - 1_000);
    }

    @Test
    void aChangedAttributeIsStoredAtOnceAndSignOutEndsTheSession() {
        Institution first = testUsers.institution("session-first");
        Institution second = testUsers.institution("session-second");
        TestUser user = testUsers.user(first, Role.CONTROLLER);
        users.grant(user.id(), second.id(), Role.CONTROLLER, null);
        WebClient browser = WebClient.signedIn(port, user);
        String sessionId = sessionId(browser);
        int attributes = attributeCount(sessionId);
        assertThat(browser.get("/").body()).containsPattern("<option value=\"" + first.id() + "\" selected=\"selected\">");

        // The chosen institution is kept in the session: stored even though the last-access time did not move.
        assertThat(locationPath(browser.submit("/", "/institution", Map.of("institutionId", Long.toString(second.id())))))
                .isEqualTo("/");
        assertThat(attributeCount(sessionId)).isGreaterThan(attributes);
        assertThat(browser.get("/").body()).containsPattern(
                "<option value=\"" + second.id() + "\" selected=\"selected\">");

        assertThat(locationPath(browser.submit("/konto", "/logout", Map.of()))).isEqualTo("/login?logout");
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(sessionId)
                .query(Long.class).single()).isZero();
    }

    /** The cookie holds the session id in Base64, as Spring Session writes it. */
    private static String sessionId(WebClient browser) {
        return new String(Base64.getDecoder().decode(browser.sessionCookie().orElseThrow()), StandardCharsets.UTF_8);
    }

    private long lastAccess(String sessionId) {
        return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(sessionId)
                .query(Long.class).single();
    }

    private long expiry(String sessionId) {
        return jdbc.sql("select expiry_time from spring_session where session_id = ?").param(sessionId)
                .query(Long.class).single();
    }

    private int attributeCount(String sessionId) {
        return jdbc.sql("select count(*) from spring_session_attributes a join spring_session s "
                        + "on s.primary_id = a.session_primary_id where s.session_id = ?")
                .param(sessionId).query(Integer.class).single();
    }
}

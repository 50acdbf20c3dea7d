package dk.tilsyn.platform.security;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.Unique;
import dk.tilsyn.testsupport.WebClient;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dk.tilsyn.testsupport.WebClient.location;
import static dk.tilsyn.testsupport.WebClient.locationPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real authorization-code flow against a real (mock) identity provider over HTTP. The only test class with
 * its own context configuration: the OIDC client is registered from the issuer at start-up.
 */
@TilsynIntegrationTest
class OidcLoginIT {

    private static final String ISSUER_ID = "tilsyn-idp";
    private static final String CLIENT_ID = "tilsyn-test-client";
    // Started before the Spring context: the client registration reads the issuer's discovery document at start-up.
    private static final MockOAuth2Server IDP = startIdentityProvider();

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;

    private static MockOAuth2Server startIdentityProvider() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("tilsyn.oidc.issuer", () -> IDP.issuerUrl(ISSUER_ID).toString());
        registry.add("tilsyn.oidc.client-id", () -> CLIENT_ID);
        registry.add("tilsyn.oidc.client-secret", () -> "test-secret");
        registry.add("tilsyn.oidc.user-claim", () -> "preferred_username");
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDP.shutdown();
    }

    @Test
    void aKnownUserSignsInThroughTheIdentityProvider() {
        Institution institution = testUsers.institution("oidc");
        AppUser user = testUsers.oidcOnlyUser(institution, Role.CONTROLLER);
        WebClient browser = new WebClient(port);

        HttpResponse<String> signedIn = signInAs(browser, user.username());

        assertThat(locationPath(signedIn)).isEqualTo("/");
        HttpResponse<String> dashboard = browser.get("/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains(user.displayName()).contains(institution.name());
        List<String> details = jdbc.sql("""
                        select after_json from audit_entry
                        where action = 'LOGIN_SUCCEEDED' and actor_user_id = ? and actor_name = ?""")
                .params(user.id(), user.username()).query(String.class).list();
        assertThat(details).singleElement().asString().contains("\"method\":\"oidc\"");
    }

    @Test
    void theClaimMatchesTheUsernameRegardlessOfCase() {
        Institution institution = testUsers.institution("oidc-case");
        AppUser user = testUsers.oidcOnlyUser(institution, Role.AUDITOR);
        WebClient browser = new WebClient(port);

        HttpResponse<String> signedIn = signInAs(browser, user.username().toUpperCase(Locale.ROOT));

        assertThat(locationPath(signedIn)).isEqualTo("/");
        assertThat(browser.get("/").body()).contains(user.displayName());
    }

    @Test
    void anUnknownUserIsRefused() {
        String stranger = Unique.name("ukendt");
        WebClient browser = new WebClient(port);

        HttpResponse<String> refused = signInAs(browser, stranger);

        assertThat(locationPath(refused)).isEqualTo("/login?oidcError");
        assertThat(browser.follow(refused).body()).contains("Login via organisationens login lykkedes ikke.");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(locationPath(home)).isEqualTo("/login");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'LOGIN_SUCCEEDED' and actor_name = ?")
                .param(stranger).query(Long.class).single()).isZero();
    }

    @Test
    void aRefusedAttemptIsInTheAuditTrail() {
        long failuresBefore = loginFailures();

        HttpResponse<String> refused = signInAs(new WebClient(port), Unique.name("ukendt"));

        assertThat(locationPath(refused)).isEqualTo("/login?oidcError");
        // LoginEvents promises that every login attempt is written to the audit trail, not only local ones.
        assertThat(loginFailures()).isEqualTo(failuresBefore + 1);
    }

    private long loginFailures() {
        return jdbc.sql("select count(*) from audit_entry where action = 'LOGIN_FAILED'").query(Long.class).single();
    }

    /**
     * Walks the redirects a browser would: Tilsyn → the provider's authorize endpoint → back to Tilsyn's callback.
     * Returns Tilsyn's answer to the callback.
     */
    private HttpResponse<String> signInAs(WebClient browser, String preferredUsername) {
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-" + preferredUsername, "JWT",
                List.of(CLIENT_ID), Map.of("preferred_username", preferredUsername), 3600));

        HttpResponse<String> toProvider = browser.get("/oauth2/authorization/oidc");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(location(toProvider)).startsWith(IDP.authorizationEndpointUrl(ISSUER_ID).toString());

        HttpResponse<String> toCallback = browser.get(location(toProvider));
        assertThat(toCallback.statusCode()).isEqualTo(302);
        assertThat(locationPath(toCallback)).startsWith("/login/oauth2/code/oidc?");

        HttpResponse<String> callback = browser.get(location(toCallback));
        assertThat(callback.statusCode()).isEqualTo(302);
        return callback;
    }
}

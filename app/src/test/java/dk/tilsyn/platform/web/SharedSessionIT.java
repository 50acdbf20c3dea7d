package dk.tilsyn.platform.web;

import dk.tilsyn.TilsynApplication;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.TestDatabase;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TestUsers.TestUser;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dk.tilsyn.testsupport.WebClient.locationPath;
import static org.assertj.core.api.Assertions.assertThat;

/** Two app instances on one database behave as one: a session started on one is valid on the other. */
@TilsynIntegrationTest
class SharedSessionIT {

    private static ConfigurableApplicationContext secondInstance;

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;

    @BeforeAll
    static void startSecondInstance() {
        List<String> args = new ArrayList<>();
        // Command-line arguments outrank application.yml, as the database settings must.
        TestDatabase.get().springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.add("--spring.main.banner-mode=off");
        secondInstance = new SpringApplicationBuilder(TilsynApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void aSessionStartedOnOneInstanceIsValidOnTheOther() {
        Institution institution = testUsers.institution("session");
        TestUser user = testUsers.user(institution, Role.CONTROLLER);
        int secondPort = ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
        assertThat(secondPort).isNotEqualTo(port);

        WebClient first = new WebClient(port);
        assertThat(locationPath(first.login(user.username(), user.password()))).isEqualTo("/");
        String session = first.sessionCookie().orElseThrow();

        WebClient second = new WebClient(secondPort);
        second.useSessionCookie(session);
        HttpResponse<String> dashboard = second.get("/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains(user.displayName()).contains(institution.name());

        // Signing out on the second instance ends the session on the first as well.
        HttpResponse<String> logout = second.submit("/konto", "/logout", Map.of());
        assertThat(locationPath(logout)).isEqualTo("/login?logout");
        HttpResponse<String> afterLogout = first.get("/");
        assertThat(afterLogout.statusCode()).isEqualTo(302);
        assertThat(locationPath(afterLogout)).isEqualTo("/login");
    }
}

package dk.tilsyn.platform.security;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.ChromiumAvailableCondition;
import dk.tilsyn.testsupport.RequiresChromium;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TestUsers.TestUser;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A person signs in with Debian's Chromium; the login page and the dashboard pass axe-core's checks. */
@TilsynIntegrationTest
@RequiresChromium
class LoginBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;

    @Test
    void signingInWithTheFormShowsTheDashboard() {
        Institution institution = testUsers.institution("browser");
        TestUser user = testUsers.user(institution, Role.CONTROLLER);
        String base = "http://localhost:" + port;

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(ChromiumAvailableCondition.CHROMIUM)
                     .setHeadless(true))) {
            Page page = browser.newPage();
            page.navigate(base + "/login");
            assertThat(violations(page)).as("accessibility of the login page").isEmpty();

            page.getByLabel("Brugernavn").fill(user.username());
            page.getByLabel("Adgangskode").fill(user.password());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log ind")).click();
            page.waitForURL(base + "/");

            assertThat(page.locator(".tilsyn-user a").textContent().strip()).isEqualTo(user.displayName());
            assertThat(page.locator("h1").textContent()).contains(institution.name());
            assertThat(violations(page)).as("accessibility of the dashboard").isEmpty();
        }
    }

    private static List<String> violations(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        return results.getViolations().stream()
                .map(LoginBrowserIT::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }
}

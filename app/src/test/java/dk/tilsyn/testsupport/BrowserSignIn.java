package dk.tilsyn.testsupport;

import com.microsoft.playwright.Page;

/** Signs a test user in through the login form in a real browser page, as a person does. */
public final class BrowserSignIn {

    private BrowserSignIn() {
    }

    /** @param base the app's address, e.g. {@code http://localhost:<port>}; returns once the dashboard is shown */
    public static void signIn(Page page, String base, String username) {
        page.navigate(base + "/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestUsers.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL(base + "/");
    }
}

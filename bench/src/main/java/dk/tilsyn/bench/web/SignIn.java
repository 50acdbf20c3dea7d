package dk.tilsyn.bench.web;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Signs the bench user in. On a fresh installation ({@code TILSYN_DEMO=false}) the only user is {@code admin} with the
 * one-time password printed at first start; the first sign-in changes it through the account page, exactly as a
 * person would. Later sign-ins use the changed password.
 */
public record SignIn(URI base, String username, String password, String oneTimePassword) {

    /** A new session signed in as the bench user; changes the one-time password first if it still works. */
    public BrowserSession open() {
        BrowserSession browser = new BrowserSession(base);
        if (oneTimePassword != null && !oneTimePassword.isBlank() && browser.login(username, oneTimePassword)) {
            changePassword(browser);
            return browser;
        }
        if (!browser.login(username, password)) {
            throw new BenchFailure("Sign-in as " + username + " failed with the bench password"
                    + (oneTimePassword == null ? "" : " and with the one-time password"));
        }
        return browser;
    }

    private void changePassword(BrowserSession browser) {
        HttpResponse<String> answer = browser.submit("/konto/adgangskode", "/konto/adgangskode",
                List.of(Map.entry("current", oneTimePassword), Map.entry("password", password), Map.entry("repeat", password)));
        if (!BrowserSession.isRedirect(answer)) {
            throw new BenchFailure("The password change was refused (" + answer.statusCode()
                    + "); the bench password must have 12+ characters and not contain the user name");
        }
        System.out.println("Changed the one-time password of " + username + " to the bench password.");
    }
}

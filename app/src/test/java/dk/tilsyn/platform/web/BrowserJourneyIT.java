package dk.tilsyn.platform.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.identity.NewUser;
import dk.tilsyn.platform.identity.UserService;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.ChromiumAvailableCondition;
import dk.tilsyn.testsupport.RequiresChromium;
import dk.tilsyn.testsupport.AxePages;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's journey through every page the UI offers, in Debian's Chromium: signing in with the keyboard only,
 * both languages, the institution switcher, organisation, import (good and bad file), administration, audit
 * trail, own account, an error page and signing out. Every page is checked with axe-core against WCAG 2.1 A/AA
 * and photographed to {@code target/screenshots/}.
 */
@TilsynIntegrationTest
@RequiresChromium
class BrowserJourneyIT {


    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    UserService users;

    private final AxePages axe = new AxePages();
    private String base;

    @Test
    void everyPageWorksWithTheKeyboardInBothLanguagesAndPassesAxe() {
        Institution main = testUsers.institution("a-journey");
        Institution second = testUsers.institution("b-journey");
        String username = Unique.name("rejse");
        AppUser user = users.create(new NewUser(username, "Rejsende Ærø", username + "@example.invalid", false, true),
                TestUsers.PASSWORD, main.id());
        for (Role role : Role.values()) {
            users.grant(user.id(), main.id(), role, null);
        }
        users.grant(user.id(), second.id(), Role.AUDITOR, null);
        base = "http://localhost:" + port;

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(ChromiumAvailableCondition.CHROMIUM)
                     .setHeadless(true));
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();

            signInWithTheKeyboard(page, username);
            PlaywrightAssertions.assertThat(page.locator("h1")).containsText(main.name());
            check(page, "dashboard");

            skipLinkAndNavigationByKeyboard(page);
            languages(page, context);
            institutionSwitcher(page, main, second);
            organisation(page);
            systems(page);
            runsBeforeAnyFile(page);
            extracts(page);
            runs(page);
            administration(page, username);
            auditTrail(page);
            account(page);

            Response notFound = page.navigate(base + "/organisation/personer/999999999");
            assertThat(notFound.status()).isEqualTo(404);
            PlaywrightAssertions.assertThat(page.locator("h1")).isVisible();
            check(page, "error-404");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log ud")).click();
            page.waitForURL(Pattern.compile(".*/login.*"));
            check(page, "logged-out");
            assertThat(page.navigate(base + "/organisation").url()).as("signed out: back to the login page").contains("/login");
        }

        assertThat(axe.pagesChecked()).as("pages checked with axe").hasSizeGreaterThanOrEqualTo(20);
        assertThat(axe.violations()).as("WCAG 2.1 A/AA violations on %d pages %s", axe.pagesChecked().size(),
                axe.pagesChecked()).isEmpty();
    }

    private void signInWithTheKeyboard(Page page, String username) {
        page.navigate(base + "/login");
        check(page, "login");
        List<String> focusPath = new ArrayList<>();
        for (int presses = 0; !"username".equals(focusedId(page)); presses++) {
            assertThat(presses).as("Tab reaches the username field; focus went %s", focusPath).isLessThan(10);
            page.keyboard().press("Tab");
            focusPath.add(focused(page));
        }
        page.keyboard().type(username);
        page.keyboard().press("Tab");
        assertThat(focusedId(page)).isEqualTo("password");
        page.keyboard().type(TestUsers.PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL(base + "/");
    }

    private void skipLinkAndNavigationByKeyboard(Page page) {
        page.navigate(base + "/");
        page.keyboard().press("Tab");
        assertThat(focused(page)).as("first Tab stop").contains("skip-link");
        page.keyboard().press("Enter");
        assertThat(focusedId(page)).as("the skip link moves focus to the content").isEqualTo("main");

        page.navigate(base + "/");
        for (int presses = 0; !focused(page).contains("href=/organisation "); presses++) {
            assertThat(presses).as("Tab reaches the Organisation menu item").isLessThan(30);
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Enter");
        page.waitForURL(base + "/organisation");
    }

    private void languages(Page page, BrowserContext context) {
        page.navigate(base + "/");
        page.locator(".tilsyn-language").getByText("English").click();
        PlaywrightAssertions.assertThat(page.locator(".tilsyn-nav")).containsText("Overview");
        PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", "en");
        check(page, "dashboard-en");
        page.locator(".tilsyn-language").getByText("Dansk").click();
        PlaywrightAssertions.assertThat(page.locator(".tilsyn-nav")).containsText("Oversigt");
        page.navigate(base + "/organisation");
        PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", "da");
        PlaywrightAssertions.assertThat(page.locator(".tilsyn-nav")).containsText("Oversigt");
        assertThat(context.cookies()).anySatisfy(cookie -> {
            assertThat(cookie.name).isEqualTo("TILSYN_LANG");
            assertThat(cookie.value).isEqualTo("da");
        });
    }

    private void institutionSwitcher(Page page, Institution main, Institution second) {
        page.navigate(base + "/");
        page.locator("#institution-switch").selectOption(Long.toString(second.id()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skift")).click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText(second.name());
        check(page, "dashboard-second-institution");
        page.locator("#institution-switch").selectOption(Long.toString(main.id()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skift")).click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText(main.name());
    }

    private void organisation(Page page) {
        page.navigate(base + "/organisation/import");
        check(page, "import-form");
        String persons = "\uFEFFperson_id;name;email;username;org_unit;manager_id;employment_end\r\n"
                + "R1;Søren Ærø;soren@example.invalid;SOAE;Direktionen;;\r\n"
                + "R2;Åse Ågård;aase@example.invalid;AAAA;Økonomi;R1;31-12-2030\r\n"
                + "R3;Bjørn Holm;bjorn@example.invalid;BJHO;Økonomi;R1;\r\n";
        upload(page, "personer.csv", persons);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("Filen personer.csv er indlæst");
        check(page, "import-accepted");
        upload(page, "fejl.csv", "person_id;name;employment_end\r\nF1;Fejl;31-02-2024\r\n");
        PlaywrightAssertions.assertThat(page.locator(".tilsyn-problems table")).containsText("employment_end");
        PlaywrightAssertions.assertThat(page.locator(".tilsyn-problems table")).containsText("31-02-2024");
        check(page, "import-rejected");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enheder").setExact(true)).click();
        page.waitForURL(base + "/organisation");
        check(page, "units");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Økonomi").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/organisation/enheder/\\d+"));
        check(page, "unit");

        page.navigate(base + "/organisation/personer");
        check(page, "persons");
        page.locator("#q").fill("Ågård");
        PlaywrightAssertions.assertThat(page.locator("#person-results tbody tr")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#person-results tbody")).containsText("Åse Ågård");
        check(page, "persons-search");
        page.locator("#person-results").getByText("Åse Ågård").click();
        page.waitForURL(Pattern.compile(".*/organisation/personer/\\d+"));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Søren Ærø");
        check(page, "person");
    }

    private static void upload(Page page, String name, String content) {
        page.locator("#file").setInputFiles(new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Indlæs fil")).click();
    }

    private void systems(Page page) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hovedmenu"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Systemer")).click();
        page.waitForURL(base + "/systemer");
        check(page, "systems");
        page.locator("#key").fill("Ikke gyldigt!");
        page.locator("#name").fill("Forkert");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj system")).click();
        PlaywrightAssertions.assertThat(page.locator(".alert-danger")).containsText("System-id skal være 1–64 tegn");
        check(page, "systems-refused");
        page.locator("#key").fill("indfak");
        page.locator("#name").fill("IndFak");
        page.locator("#profile").selectOption("indfak-gruppemedlemskab");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj system")).click();
        page.waitForURL(Pattern.compile(".*/systemer/\\d+"));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("indfak-gruppemedlemskab");
        check(page, "system");
    }

    private void extracts(Page page) {
        page.navigate(base + "/systemer");
        page.locator("#key").fill("rejsud");
        page.locator("#name").fill("RejsUd");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj system")).click();
        page.waitForURL(Pattern.compile(".*/systemer/\\d+"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Udtræk og dokumentation")).click();
        page.waitForURL(Pattern.compile(".*/systemer/\\d+/udtraek"));
        check(page, "extracts");
        String extractsUrl = page.url();
        refusedFileDroppedOnTheField(page);
        page.navigate(extractsUrl);
        page.locator("#asOf").fill("2026-10-31");
        page.locator("#file").setInputFiles(java.nio.file.Path.of("..", "demo", "demostyrelsen", "extracts", "rejsud.csv"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontrollér fil")).click();
        // The script sends the file, the status block polls, and a finished check opens the preview.
        page.waitForURL(Pattern.compile(".*/systemer/\\d+/udtraek/\\d+"));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Filen er læst uden fejl");
        PlaywrightAssertions.assertThat(page.locator("main table")).containsText("Godkender");
        check(page, "extract-preview");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Godkend og brug filen")).click();
        page.waitForURL(Pattern.compile(".*/systemer/\\d+/udtraek"));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Godkendt – bruges");
        check(page, "extracts-accepted");
    }

    /**
     * A file dropped on the file field's area becomes the field's file; the script sends it with progress, the
     * check's status (here: refused, with the engine's line and column) appears on the page, and the address is
     * the status page's, so a reload shows the same outcome.
     */
    private void refusedFileDroppedOnTheField(Page page) {
        page.locator("#asOf").fill("2026-10-31");
        com.microsoft.playwright.JSHandle dropped = page.evaluateHandle("""
                ([name, text]) => { const t = new DataTransfer(); t.items.add(new File([text], name, {type: 'text/csv'})); return t; }""",
                List.of("fejl.csv", "account;entitlement;valid_to\r\nabc;Godkender;31-02-2026\r\n"));
        page.dispatchEvent("[data-drop-zone]", "dragover", Map.of("dataTransfer", dropped));
        PlaywrightAssertions.assertThat(page.locator("[data-drop-zone]")).hasClass(Pattern.compile(".*tilsyn-drop-active.*"));
        page.dispatchEvent("[data-drop-zone]", "drop", Map.of("dataTransfer", dropped));
        assertThat(page.locator("#file").evaluate("input => input.files[0].name")).isEqualTo("fejl.csv");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontrollér fil")).click();
        PlaywrightAssertions.assertThat(page.locator("#upload-status")).containsText("Filen fejl.csv er afvist");
        PlaywrightAssertions.assertThat(page.locator("#upload-status table")).containsText("31-02-2026");
        PlaywrightAssertions.assertThat(page.locator("#upload-sending")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#upload-sent-text")).containsText("MB sendt");
        assertThat(page.url()).matches(".*/systemer/\\d+/udtraek/indlaesninger/\\d+");
        check(page, "extract-refused");
        page.reload();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Kontrol af fejl.csv");
        PlaywrightAssertions.assertThat(page.locator("#upload-status")).containsText("Afvist");
        PlaywrightAssertions.assertThat(page.locator("#upload-status table")).containsText("valid_to");
        check(page, "extract-upload-status");
    }

    /** A first-time controller who opens the analyses first is told where the files come from. */
    private void runsBeforeAnyFile(Page page) {
        page.navigate(base + "/analyser");
        PlaywrightAssertions.assertThat(page.locator("#run-prerequisites")).containsText("intet godkendt adgangsudtræk");
        PlaywrightAssertions.assertThat(page.locator("#run-prerequisites a[href='/systemer']")).isVisible();
        check(page, "runs-without-files");
    }

    private void runs(Page page) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hovedmenu"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Adgangskontrol")).click();
        page.waitForURL(base + "/analyser");
        check(page, "runs");
        page.locator("#asOf").fill("2026-10-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start analyse")).click();
        page.waitForURL(Pattern.compile(".*/analyser/\\d+"));
        // The status block polls until the run is done, then the page reloads with the findings.
        PlaywrightAssertions.assertThat(page.locator("main table")).containsText("Godkender",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        PlaywrightAssertions.assertThat(page.locator("#run-status")).containsText("Færdig");
        check(page, "run");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sammenlign med en tidligere analyse")).click();
        page.waitForURL(Pattern.compile(".*/analyser/\\d+/sammenligning"));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("ingen tidligere færdig analyse");
        check(page, "run-compare");
    }

    private void administration(Page page, String username) {
        page.navigate(base + "/administration");
        check(page, "users");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Opret bruger")).click();
        page.waitForURL(base + "/administration/brugere/ny");
        check(page, "user-new");
        page.navigate(base + "/administration");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(username).setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/administration/brugere/\\d+"));
        check(page, "user");
        page.navigate(base + "/administration");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API-nøgler")).click();
        page.waitForURL(base + "/administration/api-noegler");
        check(page, "api-tokens");
        page.getByLabel("Navn eller formål").fill("OS2IGA journey");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Udsted nøgle")).click();
        PlaywrightAssertions.assertThat(page.locator("#issued-secret")).containsText("tls_");
        check(page, "api-token-issued");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilbagekald nøglen OS2IGA journey")).click();
        page.waitForURL(base + "/administration/api-noegler");
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("API-nøglen er tilbagekaldt");
        check(page, "api-token-revoked");
        page.navigate(base + "/administration");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Institutioner")).click();
        page.waitForURL(base + "/administration/institutioner");
        check(page, "institutions");
    }

    private void auditTrail(Page page) {
        page.locator(".tilsyn-nav").getByText("Revisionsspor").click();
        page.waitForURL(base + "/revisionsspor");
        check(page, "audit-trail");
        page.locator("#type").selectOption("person");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrér")).click();
        page.waitForURL(Pattern.compile(".*/revisionsspor\\?.*type=person.*"));
        PlaywrightAssertions.assertThat(page.locator("main table")).containsText("Åse Ågård");
        check(page, "audit-trail-filtered");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verificér kæden")).click();
        page.waitForURL(base + "/revisionsspor/verificer");
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Kæden er intakt");
        check(page, "audit-verify");
    }

    private void account(Page page) {
        page.locator(".tilsyn-user a").click();
        page.waitForURL(base + "/konto");
        check(page, "account");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skift adgangskode")).click();
        page.waitForURL(base + "/konto/adgangskode");
        check(page, "password");
    }

    // ---------------------------------------------------------------------------------------------------------

    private void check(Page page, String name) {
        axe.check(page, name);
    }

    private static String focusedId(Page page) {
        return (String) page.evaluate("() => document.activeElement ? document.activeElement.id : ''");
    }

    /** The focused element as "tag#id.class href=… " for messages and checks. */
    private static String focused(Page page) {
        return (String) page.evaluate("""
                () => { const e = document.activeElement; if (!e) return '';
                  return e.tagName.toLowerCase() + '#' + e.id + '.' + e.className + ' href=' + (e.getAttribute('href') || '') + ' '; }""");
    }
}

package dk.tilsyn.access.internal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.AxePages;
import dk.tilsyn.testsupport.BrowserSignIn;
import dk.tilsyn.testsupport.ChromiumAvailableCondition;
import dk.tilsyn.testsupport.RequiresChromium;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several files chosen at once, in Debian's Chromium: the page's script sends each as the request body with its own
 * progress and status block, read with the import profile chosen on the form; both reach their preview while the
 * page stays where it is, and a refused file is shown in its own block without touching the other's. axe-core checks
 * every page.
 */
@TilsynIntegrationTest
@RequiresChromium
class SeveralFilesUploadBrowserIT {

    /** A check polls every second; on a busy machine it may wait for a free checker first. */
    private static final LocatorAssertions.HasTextOptions CHECKED = new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;

    private final AxePages axe = new AxePages();
    private String base;

    @Test
    void twoFilesAreSentOneByOneEachWithItsProgressAndStatusAndBothReachTheirPreview() {
        Institution institution = testUsers.institution("several-files");
        TestUsers.TestUser controller = testUsers.user(institution, Role.CONTROLLER);
        base = "http://localhost:" + port;

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(ChromiumAvailableCondition.CHROMIUM).setHeadless(true));
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            BrowserSignIn.signIn(page, base, controller.username());
            String extracts = sapSystemsExtractsPage(page);
            PlaywrightAssertions.assertThat(page.locator("#profile")).hasValue("");
            axe.check(page, "several-extracts");

            page.locator("#asOf").fill("2026-10-31");
            page.locator("#profile").selectOption("sap-agr-users");
            page.locator("#file").setInputFiles(new FilePayload[]{agrUsers("sap-a.csv", "BRUGER1"), agrUsers("sap-b.csv", "BRUGER2")});
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontrollér fil")).click();

            Locator files = page.locator("[data-upload-file]");
            PlaywrightAssertions.assertThat(files).hasCount(2);
            for (String name : new String[]{"sap-a.csv", "sap-b.csv"}) {
                Locator block = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Kontrol af " + name));
                PlaywrightAssertions.assertThat(block.locator("[data-file-announce]")).hasText(name + ": Læst uden fejl", CHECKED);
                PlaywrightAssertions.assertThat(block.locator("[data-file-sent-text]")).containsText("MB sendt");
                assertThat(block.locator("progress").evaluate("bar => bar.value === bar.max && bar.max > 1"))
                        .as("all of %s sent", name).isEqualTo(true);
                PlaywrightAssertions.assertThat(block.locator("[data-file-status]")).containsText("sap-agr-users");
                PlaywrightAssertions.assertThat(block.locator("[data-file-status] dd").nth(5)).hasText("2");
                PlaywrightAssertions.assertThat(block.getByRole(AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Vis eksemplet for " + name))).isVisible();
            }
            assertThat(page.url()).as("the page stayed").isEqualTo(base + extracts);
            PlaywrightAssertions.assertThat(page.locator("#upload-sending")).isHidden();
            PlaywrightAssertions.assertThat(page.locator("#upload-files-note")).containsText("Alle filer er sendt");
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Kontrollér fil"))).isEnabled();
            axe.check(page, "several-files-done");

            aRefusedFileIsShownInItsOwnBlock(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vis eksemplet for sap-b.csv")).click();
            page.waitForURL(Pattern.compile(".*/systemer/\\d+/udtraek/\\d+"));
            PlaywrightAssertions.assertThat(page.locator("main")).containsText("Filen er læst uden fejl");
            PlaywrightAssertions.assertThat(page.locator("main dl")).containsText("sap-agr-users");
            PlaywrightAssertions.assertThat(page.locator("main table")).containsText("BRUGER2");
            axe.check(page, "several-files-preview");
        }

        assertThat(jdbc.sql("select file_name || ' ' || coalesce(import_profile, '-') from evidence_file where institution_id = ? order by file_name")
                .param(institution.id()).query(String.class).list())
                .containsExactly("sap-a.csv sap-agr-users", "sap-b.csv sap-agr-users", "sap-c.csv sap-agr-users");
        assertThat(axe.violations()).as("WCAG 2.1 A/AA violations on %s", axe.pagesChecked()).isEmpty();
    }

    /** The second batch: one file the profile cannot read, one it can; each block tells its own outcome. */
    private void aRefusedFileIsShownInItsOwnBlock(Page page) {
        FilePayload wrong = new FilePayload("forkert.csv", "text/csv",
                "account;entitlement\r\nBRUGER3;Z_FI_BOGFOERER\r\n".getBytes(StandardCharsets.UTF_8));
        page.locator("#file").setInputFiles(new FilePayload[]{wrong, agrUsers("sap-c.csv", "BRUGER3")});
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontrollér fil")).click();

        PlaywrightAssertions.assertThat(page.locator("[data-upload-file]")).hasCount(4);
        Locator refused = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Kontrol af forkert.csv"));
        PlaywrightAssertions.assertThat(refused.locator("[data-file-announce]")).hasText("forkert.csv: Afvist", CHECKED);
        PlaywrightAssertions.assertThat(refused.locator("[data-file-status]")).containsText("Filen forkert.csv er afvist");
        PlaywrightAssertions.assertThat(refused.locator("[data-file-status] table")).containsText("uname");
        Locator passed = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Kontrol af sap-c.csv"));
        PlaywrightAssertions.assertThat(passed.locator("[data-file-announce]")).hasText("sap-c.csv: Læst uden fejl", CHECKED);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Kontrol af sap-a.csv"))
                .locator("[data-file-announce]")).hasText("sap-a.csv: Læst uden fejl");
        axe.check(page, "several-files-one-refused");
    }

    /** Adds the system SAP without an import profile and opens its extracts page; returns its path. */
    private String sapSystemsExtractsPage(Page page) {
        page.navigate(base + "/systemer");
        page.locator("#key").fill("sap");
        page.locator("#name").fill("SAP");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj system")).click();
        page.waitForURL(Pattern.compile(".*/systemer/\\d+"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Udtræk og dokumentation")).click();
        page.waitForURL(Pattern.compile(".*/systemer/\\d+/udtraek"));
        return page.url().substring(base.length());
    }

    /** SAP's AGR_USERS as SE16N exports it, with two role assignments of one user. */
    private static FilePayload agrUsers(String name, String user) {
        return new FilePayload(name, "text/csv", ("UNAME;AGR_NAME;FROM_DAT;TO_DAT\r\n"
                + user + ";Z_FI_BOGFOERER;01.01.2025;31.12.9999\r\n"
                + user + ";Z_FI_GODKENDER;01.01.2025;31.12.9999\r\n").getBytes(StandardCharsets.UTF_8));
    }
}

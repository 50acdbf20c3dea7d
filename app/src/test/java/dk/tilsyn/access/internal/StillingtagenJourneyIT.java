package dk.tilsyn.access.internal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.AxePages;
import dk.tilsyn.testsupport.BrowserSignIn;
import dk.tilsyn.testsupport.ChromiumAvailableCondition;
import dk.tilsyn.testsupport.RequiresChromium;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller's and the manager's day in Debian's Chromium, on the demo data: the controller loads the HR master
 * and the five extracts, appoints the manager for Bogholderi and runs the analysis; the manager opens Julie Holm's
 * conflict and accepts it with a compensating control; the next run shows it accepted; the overview matrix
 * downloads as XLSX and contains the conflict. axe-core checks every page.
 */
@TilsynIntegrationTest
@RequiresChromium
class StillingtagenJourneyIT {

    private static final Path DEMO = Path.of("..", "demo", "demostyrelsen");
    private static final LocatorAssertions.ContainsTextOptions RUN_TIMEOUT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;

    private final AxePages axe = new AxePages();
    private String base;

    @Test
    void aControllerRunsTheAnalysisAManagerAcceptsAConflictAndTheNextRunShowsItAccepted() throws IOException {
        Institution institution = testUsers.institution("stillingtagen");
        TestUsers.TestUser controller = testUsers.user(institution, Role.CONTROLLER, Role.SECURITY_COORDINATOR);
        TestUsers.TestUser manager = testUsers.user(institution, Role.MANAGER);
        base = "http://localhost:" + port;

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(ChromiumAvailableCondition.CHROMIUM).setHeadless(true));
             BrowserContext controllerContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
             BrowserContext managerContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = controllerContext.newPage();
            BrowserSignIn.signIn(page, base, controller.username());
            importOrganisation(page);
            for (String system : DemoRuns.SYSTEMS) {
                uploadExtract(page, system);
            }
            appoint(page, manager.displayName());
            String findingUrl = firstRunAndTheConflict(page);

            Page managerPage = managerContext.newPage();
            BrowserSignIn.signIn(managerPage, base, manager.username());
            accept(managerPage, findingUrl);

            secondRunShowsItAccepted(page);
            matrixExportContainsTheConflict(page);
            ruleSet(page);
            page.navigate(base + "/handlinger");
            axe.check(page, "stillingtagen-actions");
            page.navigate(base + "/beskeder");
            axe.check(page, "stillingtagen-notices");
        }

        assertThat(axe.violations()).as("WCAG 2.1 A/AA violations on %s", axe.pagesChecked()).isEmpty();
    }

    private void importOrganisation(Page page) {
        page.navigate(base + "/organisation/import");
        page.locator("#kind-units").check();
        page.locator("#file").setInputFiles(DEMO.resolve("org_units.csv"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Indlæs fil")).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("er indlæst");
        page.locator("#kind-persons").check();
        page.locator("#file").setInputFiles(DEMO.resolve("persons.csv"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Indlæs fil")).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("persons.csv er indlæst");
    }

    private void uploadExtract(Page page, String system) {
        page.navigate(base + "/systemer");
        page.locator("#key").fill(system);
        page.locator("#name").fill(system);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj system")).click();
        page.waitForURL(Pattern.compile(".*/systemer/\\d+"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Udtræk og dokumentation")).click();
        page.waitForURL(Pattern.compile(".*/systemer/\\d+/udtraek"));
        page.locator("#asOf").fill("2026-10-31");
        page.locator("#file").setInputFiles(DEMO.resolve("extracts").resolve(system + ".csv"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontrollér fil")).click();
        // Sent by the page's script and checked in the background; a finished check opens the preview.
        page.waitForURL(Pattern.compile(".*/systemer/\\d+/udtraek/\\d+"));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Filen er læst uden fejl");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Godkend og brug filen")).click();
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Godkendt – bruges");
    }

    private void appoint(Page page, String managerName) {
        page.navigate(base + "/ansvar");
        axe.check(page, "stillingtagen-responsibility");
        page.locator("#user").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(managerName));
        page.locator("#scope").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Bogholderi"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Udpeg ansvarlig")).click();
        PlaywrightAssertions.assertThat(page.locator("main table")).containsText(managerName);
        axe.check(page, "stillingtagen-responsibility-saved");
    }

    /** @return the address of Julie Holm's conflict between IndFak approval and Navision Stat bookkeeping */
    private String firstRunAndTheConflict(Page page) {
        page.navigate(base + "/analyser");
        page.locator("#asOf").fill("2026-10-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start analyse")).click();
        page.waitForURL(Pattern.compile(".*/analyser/\\d+"));
        PlaywrightAssertions.assertThat(page.locator("#run-status")).containsText("Færdig", RUN_TIMEOUT);
        page.locator("#rule").selectOption("derived-approval-and-navision");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrér")).click();
        PlaywrightAssertions.assertThat(page.locator("main table")).containsText("P0012");
        axe.check(page, "stillingtagen-run");
        page.locator("main table tr", new Page.LocatorOptions().setHasText("P0012")).locator("td.tilsyn-json a").click();
        page.waitForURL(Pattern.compile(".*/analyser/\\d+/fund/\\d+"));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("juho;P0012;;;Julie Holm");
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Kun den leder, der er ansvarlig");
        axe.check(page, "stillingtagen-finding-controller");
        return page.url();
    }

    private void accept(Page page, String findingUrl) {
        page.navigate(findingUrl);
        PlaywrightAssertions.assertThat(page.locator(".badge").first()).hasText("Åben");
        axe.check(page, "stillingtagen-finding-manager");
        page.locator("#control").fill("Økonomichefen gennemgår månedligt alle bogføringer foretaget af disponenter");
        for (var box : page.locator("input[name=function]").all()) {
            box.check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter fundet")).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("Fundet er accepteret");
        PlaywrightAssertions.assertThat(page.locator(".badge").first()).hasText("Accepteret");
        axe.check(page, "stillingtagen-finding-accepted");
        page.locator("dd a", new Page.LocatorOptions().setHasText("P0012")).click();
        page.waitForURL(Pattern.compile(".*/personadgang/P0012"));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("NS_BOGHOLDER");
        axe.check(page, "stillingtagen-person");
    }

    private void secondRunShowsItAccepted(Page page) {
        page.navigate(base + "/analyser");
        page.locator("#asOf").fill("2026-10-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start analyse")).click();
        page.waitForURL(Pattern.compile(".*/analyser/\\d+"));
        PlaywrightAssertions.assertThat(page.locator("#run-status")).containsText("Færdig", RUN_TIMEOUT);
        page.locator("#status").selectOption("accepted");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrér")).click();
        PlaywrightAssertions.assertThat(page.locator("main table tbody")).containsText("P0012");
        PlaywrightAssertions.assertThat(page.locator("main table tbody")).containsText("Accepteret");
        axe.check(page, "stillingtagen-run-2-accepted");
    }

    private void ruleSet(Page page) {
        page.navigate(base + "/regelsaet");
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("derived-approval-and-navision");
        axe.check(page, "stillingtagen-ruleset");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Redigér institutionens lag")).click();
        page.waitForURL(base + "/regelsaet/lag");
        axe.check(page, "stillingtagen-ruleset-edit");
        page.locator("#yaml").fill("id: demostyrelsen\nversion: \"2\"\nextends: oes-udbetalingsproces\ndisable-rules:\n"
                + "  - rule: derived-approval-and-navision\n    reason: Opgavesplit med Statens Administration\n");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontrollér og vis virkning")).click();
        // The impact is computed in the background; the preview page polls until it is there.
        page.waitForURL(Pattern.compile(".*/regelsaet/lag/forhaandsvisninger/\\d+"));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Laget er gyldigt");
        PlaywrightAssertions.assertThat(page.locator("#ruleset-preview")).containsText("Med dette lag ville analyse", RUN_TIMEOUT);
        PlaywrightAssertions.assertThat(page.locator("#ruleset-preview")).containsText("P0012");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem som ny version")))
                .isVisible();
        axe.check(page, "stillingtagen-ruleset-preview");
        // Edited after the impact was shown: the impact and the save button go until the draft is checked again.
        page.locator("#yaml").press("Control+End");
        page.locator("#yaml").pressSequentially("# ændret\n");
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Udkastet er ændret. Kontrollér det igen");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem som ny version")))
                .hasCount(0);
        axe.check(page, "stillingtagen-ruleset-preview-edited");
    }

    private void matrixExportContainsTheConflict(Page page) throws IOException {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overbliksmatrix")).click();
        page.waitForURL(Pattern.compile(".*/analyser/\\d+/matrix.*"));
        PlaywrightAssertions.assertThat(page.locator("main table")).containsText("Julie Holm");
        axe.check(page, "stillingtagen-matrix");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Hent matrix og fund (XLSX)")).first().click());
        List<String> cells = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(download.path().toFile())) {
            workbook.getSheets().forEach(sheet -> {
                try (var rows = sheet.openStream()) {
                    rows.forEach(row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getText())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertThat(cells).contains("P0012", "derived-approval-and-navision");
    }
}

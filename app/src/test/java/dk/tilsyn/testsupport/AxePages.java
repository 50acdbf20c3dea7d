package dk.tilsyn.testsupport;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs axe-core (WCAG 2.1 A/AA) on pages of a browser journey and photographs each to {@code target/screenshots/};
 * violations are collected so a journey reports all of them at the end.
 */
public final class AxePages {

    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final List<String> violations = new ArrayList<>();
    private final List<String> pagesChecked = new ArrayList<>();

    public void check(Page page, String name) {
        pagesChecked.add(name);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        for (Rule rule : new AxeBuilder(page).withTags(WCAG_TAGS).analyze().getViolations()) {
            violations.add(name + " (" + page.url() + "): " + rule.getId() + " [" + rule.getImpact() + "] "
                    + rule.getHelp() + " at " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
        }
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public List<String> pagesChecked() {
        return List.copyOf(pagesChecked);
    }
}

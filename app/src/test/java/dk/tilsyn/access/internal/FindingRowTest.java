package dk.tilsyn.access.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The findings list's lines as HTML: the template's markup, every text escaped, a line without a person. */
class FindingRowTest {

    private static StoredFinding finding(long id, String person, String explanation) {
        return new StoredFinding(id, 7, 1, "sod-conflict", "high", "rule-<1>", person, "indfak, navision",
                "indfak:\"juho\"", "indfak.csv:5", explanation, null, null, null, null, "open");
    }

    @Test
    void aLineHasTheTemplatesMarkupWithEveryTextEscaped() {
        FindingRow row = FindingRow.of(finding(42, "P 12&", "Godkender <b>og</b> bogfører 'selv' æøå"), "/ctx",
                Map.of("open", "Åben"));

        assertThat(FindingRow.html(List.of(row), "–")).isEqualTo("<tr><td>high</td><td><span>sod-conflict</span><br>"
                + "<small class=\"text-muted\">rule-&lt;1&gt;</small></td><td><a href=\"/ctx/personadgang/P%2012&amp;\">"
                + "P 12&amp;</a></td><td><span class=\"badge text-bg-warning\">Åben</span></td>"
                + "<td class=\"small\">indfak:&quot;juho&quot;</td><td class=\"small tilsyn-json\">"
                + "<a href=\"/ctx/analyser/7/fund/42\">Godkender &lt;b&gt;og&lt;/b&gt; bogfører &#39;selv&#39; æøå</a>"
                + "<br><code>indfak.csv:5</code></td></tr>\n");
    }

    @Test
    void aLineWithoutAPersonShowsTheNoneMarkAndNoLink() {
        String html = FindingRow.html(List.of(FindingRow.of(finding(1, null, "x"), "", Map.of())), "–");

        assertThat(html).contains("<td><span>–</span></td>").doesNotContain("personadgang");
        assertThat(html).as("an unknown label shows the status code").contains(">open</span>");
    }

    @Test
    void noLinesNoMarkup() {
        assertThat(FindingRow.html(List.of(), "–")).isEmpty();
    }
}

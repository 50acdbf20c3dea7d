package dk.tilsyn.access.internal;

import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One line of a run's findings list, ready to show: links and the status's words made once in Java.
 *
 * <p>The list shows 50 findings per page; with two link expressions and a message look-up per line, Thymeleaf spent
 * more on building those than on the rest of the line (measured in docs/performance.md). The links are the same
 * the template's {@code @{…}} made: the context path, then the path, the person key encoded as a path segment.
 */
public record FindingRow(long id, String severity, String kind, String rule, String personKey, String personHref,
                         String status, String statusLabel, String badge, String accounts, String explanation,
                         String detailHref, String evidence) {

    /**
     * @param statusLabels each status's words in the reader's language
     */
    static FindingRow of(StoredFinding finding, String contextPath, Map<String, String> statusLabels) {
        String personHref = finding.personKey() == null ? null
                : contextPath + "/personadgang/" + UriUtils.encodePathSegment(finding.personKey(), StandardCharsets.UTF_8);
        return new FindingRow(finding.id(), finding.severity(), finding.kind(), finding.rule(), finding.personKey(),
                personHref, finding.status(), statusLabels.getOrDefault(finding.status(), finding.status()),
                "badge " + finding.badge(), finding.accounts(), finding.explanation(),
                contextPath + "/analyser/" + finding.runId() + "/fund/" + finding.id(), finding.evidence());
    }

    /**
     * The lines as the list's table rows, each text escaped as {@code th:text} escapes it. Made here rather than by
     * a {@code th:each} in the template: with nine expressions per line, fifty lines were a third of the page's
     * rendering and the findings list is the page controllers page through most (decision 0018).
     * The markup is the same the template made.
     *
     * @param none what a line without a person shows in the person column
     */
    static String html(List<FindingRow> rows, String none) {
        StringBuilder html = new StringBuilder(rows.size() * 700);
        for (FindingRow row : rows) {
            html.append("<tr><td>").append(text(row.severity())).append("</td><td><span>").append(text(row.kind()))
                    .append("</span><br><small class=\"text-muted\">").append(text(row.rule())).append("</small></td><td>");
            if (row.personHref() != null) {
                html.append("<a href=\"").append(text(row.personHref())).append("\">").append(text(row.personKey()))
                        .append("</a>");
            } else {
                html.append("<span>").append(text(none)).append("</span>");
            }
            html.append("</td><td><span class=\"").append(text(row.badge())).append("\">").append(text(row.statusLabel()))
                    .append("</span></td><td class=\"small\">").append(text(row.accounts()))
                    .append("</td><td class=\"small tilsyn-json\"><a href=\"").append(text(row.detailHref())).append("\">")
                    .append(text(row.explanation())).append("</a><br><code>").append(text(row.evidence()))
                    .append("</code></td></tr>\n");
        }
        return html.toString();
    }

    /** Escaped for an element's text or a quoted attribute; null shows as nothing, as with {@code th:text}. */
    private static String text(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}

package dk.tilsyn.access.internal;

import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
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
}

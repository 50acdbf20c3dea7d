package dk.tilsyn.access.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two runs. A finding is "the same" in both when its kind, rule, person and accounts are the
 * same: the explanation and evidence lines may differ between extracts without it being a new finding.
 */
public record RunComparison(AnalysisRun earlier, AnalysisRun later, List<StoredFinding> added,
                            List<StoredFinding> resolved, List<StoredFinding> unchanged) {

    static RunComparison of(AnalysisRun earlier, List<StoredFinding> before, AnalysisRun later, List<StoredFinding> after) {
        Map<String, StoredFinding> previous = byIdentity(before);
        List<StoredFinding> added = new ArrayList<>();
        List<StoredFinding> unchanged = new ArrayList<>();
        for (StoredFinding finding : after) {
            (previous.remove(identity(finding)) == null ? added : unchanged).add(finding);
        }
        return new RunComparison(earlier, later, added, List.copyOf(previous.values()), unchanged);
    }

    private static Map<String, StoredFinding> byIdentity(List<StoredFinding> findings) {
        Map<String, StoredFinding> map = new LinkedHashMap<>();
        findings.forEach(finding -> map.putIfAbsent(identity(finding), finding));
        return map;
    }

    static String identity(StoredFinding f) {
        return f.kind() + "|" + f.rule() + "|" + (f.personKey() == null ? "" : f.personKey()) + "|" + f.accounts();
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.engine.findings.Finding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run would have found with another rule set: findings that appear and that disappear, compared by identity
 * key (the same finding in two analyses), each listed once.
 */
record RuleSetImpact(List<Finding> appear, List<StoredFinding> disappear, int unchanged) {

    static RuleSetImpact of(List<Finding> now, List<StoredFinding> before) {
        Set<String> beforeKeys = new HashSet<>();
        before.forEach(f -> beforeKeys.add(f.identityKey()));
        Map<String, Finding> nowByKey = new LinkedHashMap<>();
        now.forEach(f -> nowByKey.putIfAbsent(FindingFacts.identityKey(f), f));
        List<Finding> appear = new ArrayList<>();
        nowByKey.forEach((key, finding) -> {
            if (!beforeKeys.contains(key)) {
                appear.add(finding);
            }
        });
        Set<String> seen = new LinkedHashSet<>();
        List<StoredFinding> disappear = before.stream()
                .filter(f -> !nowByKey.containsKey(f.identityKey()) && seen.add(f.identityKey())).toList();
        int unchanged = (int) nowByKey.keySet().stream().filter(beforeKeys::contains).count();
        return new RuleSetImpact(appear, disappear, unchanged);
    }

    /** The findings in the order the page lists them: those that appear, then those that disappear. */
    List<PreviewFinding> listed() {
        List<PreviewFinding> listed = new ArrayList<>(appear.size() + disappear.size());
        appear.forEach(f -> listed.add(new PreviewFinding("APPEAR", f.rule(), f.person(), f.explanation())));
        disappear.forEach(f -> listed.add(new PreviewFinding("DISAPPEAR", f.rule(), f.personKey(), f.explanation())));
        return listed;
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.rules.RuleSet;
import dk.tilsyn.engine.rules.RuleSetException;
import dk.tilsyn.engine.rules.RuleSetLoader;
import dk.tilsyn.engine.rules.RuleSetProblem;
import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The institution's rule set: the state's default with the institution's own layer on top. The security coordinator
 * edits the layer; before saving, the impact on the latest run is shown (which findings would appear and disappear).
 */
@Service
class RuleSetService {

    static final int MAX_LAYER_CHARS = 200_000;

    private final RuleSetLayerRepository layers;
    private final RunRepository runs;
    private final RunService runService;
    private final EvidenceStore store;
    private final AuditTrail audit;

    RuleSetService(RuleSetLayerRepository layers, RunRepository runs, RunService runService, EvidenceStore store,
                   AuditTrail audit) {
        this.layers = layers;
        this.runs = runs;
        this.runService = runService;
        this.store = store;
        this.audit = audit;
    }

    /** The rule set runs use now. */
    RuleSet effective() {
        return layers.current().map(layer -> load(layer.yaml())).orElseGet(RuleSetLoader::loadDefault);
    }

    /** A checked layer: the effective rule set, or every problem with where it is. */
    record Checked(RuleSet ruleSet, List<RuleSetProblem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    Checked check(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return new Checked(null, List.of(new RuleSetProblem("lag", "", "laget er tomt")));
        }
        if (yaml.length() > MAX_LAYER_CHARS) {
            return new Checked(null, List.of(new RuleSetProblem("lag", "",
                    "laget er for stort (højst " + MAX_LAYER_CHARS + " tegn)")));
        }
        try {
            return new Checked(load(yaml), List.of());
        } catch (RuleSetException e) {
            return new Checked(null, e.problems());
        }
    }

    /** What the latest run would have found with this layer: findings that appear and that disappear. */
    record Impact(AnalysisRun run, List<Finding> appear, List<StoredFinding> disappear, int unchanged) {
    }

    Optional<Impact> impact(String yaml) {
        Optional<AnalysisRun> latest = runs.latestDone();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Path layer = keep(yaml);
        List<Finding> now = runService.findingsOf(latest.get(), layer);
        List<StoredFinding> before = runs.allFindings(latest.get().id());
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
        return Optional.of(new Impact(latest.get(), appear, disappear, unchanged));
    }

    @Transactional
    int save(String yaml, String comment, long userId) {
        Checked checked = check(yaml);
        if (!checked.valid()) {
            throw new RuleSetException(checked.problems());
        }
        String sha256 = keepFile(yaml);
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        int version = layers.insert(yaml, sha256, checked.ruleSet().id(), checked.ruleSet().version(), why, userId);
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.UPDATE, "rule-set-layer", version, null,
                Map.of("version", version, "ruleSet", checked.ruleSet().id() + " " + checked.ruleSet().version(),
                        "hash", checked.ruleSet().contentHash(), "layer", sha256, "comment", why == null ? "" : why)));
        return version;
    }

    private Path keep(String yaml) {
        return store.path(keepFile(yaml));
    }

    /** Layers are kept in the evidence store like every other input: content-addressed, immutable. */
    private String keepFile(String yaml) {
        return store.keep(yaml.getBytes(StandardCharsets.UTF_8)).sha256();
    }

    private static RuleSet load(String yaml) {
        return RuleSetLoader.bundled().load(new RuleSetLoader.Source("lag", yaml));
    }
}

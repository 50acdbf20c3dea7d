package dk.tilsyn.access.internal;

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
import java.util.List;
import java.util.Map;

/**
 * The institution's rule set: the state's default with the institution's own layer on top. The security coordinator
 * edits the layer; before saving, the impact on the latest run is shown (which findings would appear and disappear),
 * computed in the background by {@link RuleSetPreviews}.
 */
@Service
class RuleSetService {

    static final int MAX_LAYER_CHARS = 200_000;

    private final RuleSetLayerRepository layers;
    private final EvidenceStore store;
    private final AuditTrail audit;

    RuleSetService(RuleSetLayerRepository layers, EvidenceStore store, AuditTrail audit) {
        this.layers = layers;
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

    /** Layers are kept in the evidence store like every other input: content-addressed, immutable. */
    private String keepFile(String yaml) {
        return store.keep(yaml.getBytes(StandardCharsets.UTF_8)).sha256();
    }

    private static RuleSet load(String yaml) {
        return RuleSetLoader.bundled().load(new RuleSetLoader.Source("lag", yaml));
    }
}

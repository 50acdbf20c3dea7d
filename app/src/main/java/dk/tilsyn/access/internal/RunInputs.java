package dk.tilsyn.access.internal;

import dk.tilsyn.engine.pipeline.AnalysisRequest;
import dk.tilsyn.engine.pipeline.Reconciliation;
import dk.tilsyn.engine.pipeline.SystemFile;
import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.systems.ItSystem;
import dk.tilsyn.systems.SystemRegister;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's request for a run's frozen inputs: its evidence files from the store, each read with the import
 * profile it was checked with when uploaded (not the system's current one) and named by its upload name, the persons
 * snapshot, the institution's rule-set layer as it was, and a second extract to reconcile. Used when a run starts and
 * whenever its inputs are read again (the impact of a rule-set change, the preventive check's snapshot).
 */
@Component
class RunInputs {

    private final SystemRegister systems;
    private final EvidenceStore store;
    private final EvidenceRepository evidence;
    private final RuleSetLayerRepository layers;

    RunInputs(SystemRegister systems, EvidenceStore store, EvidenceRepository evidence, RuleSetLayerRepository layers) {
        this.systems = systems;
        this.store = store;
        this.evidence = evidence;
        this.layers = layers;
    }

    /**
     * What a run reads.
     *
     * @param rules        the rule-set layer file, or null for the default rule set
     * @param reconciled   a second extract to reconcile against its system's own, or null
     * @param entitlements what the reconciliation compares
     */
    record Frozen(LocalDate asOf, List<Evidence> files, String personsSha256, Path rules, Evidence reconciled,
                  Set<String> entitlements) {

        Frozen withPersons(String sha256) {
            return new Frozen(asOf, files, sha256, rules, reconciled, entitlements);
        }

        Frozen withRules(Path other) {
            return new Frozen(asOf, files, personsSha256, other, reconciled, entitlements);
        }
    }

    /** A finished run's inputs, read back from what it froze. */
    Frozen of(AnalysisRun run) {
        Path rules = run.ruleLayerVersion() == null ? null
                : layers.version(run.ruleLayerVersion()).map(this::layerFile).orElse(null);
        Set<String> entitlements = run.reconcileEntitlements() == null ? Set.of()
                : Set.of(run.reconcileEntitlements().split("\n"));
        return new Frozen(run.asOf(), evidence.inputsOf(run.id()), run.personsSha256(), rules,
                evidence.reconciledOf(run.id()).orElse(null), entitlements);
    }

    /** The layer as a file the engine reads; kept in the evidence store like every other input. */
    Path layerFile(RuleSetLayer layer) {
        return store.path(store.keep(layer.yaml().getBytes(StandardCharsets.UTF_8)).sha256());
    }

    AnalysisRequest request(Frozen run) {
        List<SystemFile> extracts = new ArrayList<>();
        List<SystemFile> logs = new ArrayList<>();
        List<SystemFile> parameters = new ArrayList<>();
        Map<String, String> profiles = new HashMap<>();
        Map<Path, String> names = new HashMap<>();
        for (Evidence upload : run.files()) {
            ItSystem system = systems.findById(upload.systemId()).orElseThrow();
            SystemFile file = new SystemFile(system.systemKey(), store.path(upload.sha256()));
            names.put(file.file(), system.systemKey() + "/" + upload.fileName());
            switch (upload.kind()) {
                case EXTRACT -> extracts.add(file);
                case CHANGELOG -> logs.add(file);
                case PARAMETERS -> parameters.add(file);
            }
            // A run reads one accepted extract per system, so the engine's profile per system is that file's own.
            if (upload.kind() == EvidenceKind.EXTRACT && upload.importProfile() != null) {
                profiles.put(system.systemKey(), upload.importProfile());
            }
        }
        Path personsPath = store.path(run.personsSha256());
        names.put(personsPath, "personer.csv");
        if (run.rules() != null) {
            names.put(run.rules(), "regelsaet-lag.yaml");
        }
        List<Reconciliation> reconciliations = new ArrayList<>();
        if (run.reconciled() != null) {
            ItSystem system = systems.findById(run.reconciled().systemId()).orElseThrow();
            Path other = store.path(run.reconciled().sha256());
            names.put(other, system.systemKey() + "/" + run.reconciled().fileName());
            reconciliations.add(new Reconciliation(system.systemKey(), other, run.entitlements(),
                    run.reconciled().importProfile()));
        }
        return new AnalysisRequest(personsPath, extracts, logs, parameters, reconciliations, run.rules(), profiles, null,
                Set.of(), run.asOf(), names);
    }
}

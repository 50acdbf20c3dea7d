package dk.tilsyn.access.internal;

import dk.tilsyn.engine.pipeline.AnalysisRequest;
import dk.tilsyn.engine.pipeline.SystemFile;
import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.systems.ItSystem;
import dk.tilsyn.systems.SystemRegister;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's request for a run's frozen inputs: its evidence files from the store, each read with its system's
 * import profile and named by its upload name, and the persons snapshot. Used when a run starts and whenever its
 * inputs are read again (the preventive check's snapshot).
 */
@Component
class RunInputs {

    private final SystemRegister systems;
    private final EvidenceStore store;

    RunInputs(SystemRegister systems, EvidenceStore store) {
        this.systems = systems;
        this.store = store;
    }

    AnalysisRequest request(LocalDate asOf, List<Evidence> inputs, String personsSha256) {
        List<SystemFile> extracts = new ArrayList<>();
        List<SystemFile> logs = new ArrayList<>();
        List<SystemFile> parameters = new ArrayList<>();
        Map<String, String> profiles = new HashMap<>();
        Map<Path, String> names = new HashMap<>();
        for (Evidence upload : inputs) {
            ItSystem system = systems.findById(upload.systemId()).orElseThrow();
            SystemFile file = new SystemFile(system.systemKey(), store.path(upload.sha256()));
            names.put(file.file(), system.systemKey() + "/" + upload.fileName());
            switch (upload.kind()) {
                case EXTRACT -> extracts.add(file);
                case CHANGELOG -> logs.add(file);
                case PARAMETERS -> parameters.add(file);
            }
            if (system.importProfile() != null) {
                profiles.put(system.systemKey(), system.importProfile());
            }
        }
        Path personsPath = store.path(personsSha256);
        names.put(personsPath, "personer.csv");
        return new AnalysisRequest(personsPath, extracts, logs, parameters, List.of(), null, profiles, null, Set.of(),
                asOf, names);
    }
}

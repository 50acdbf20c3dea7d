package dk.tilsyn.engine.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one analysis reads.
 *
 * @param rules           a rule-set file (a layer may extend the bundled default), or null for the default
 * @param profiles        per system, an import profile: a shipped profile id or a path to a profile YAML
 * @param mapping         the manual account-to-person mapping file, or null
 * @param processAccounts accounts whose grants are the normal provisioning process (IGA, robots)
 */
public record AnalysisRequest(Path persons, List<SystemFile> extracts, List<SystemFile> changeLogs,
                              List<SystemFile> parameters, List<Reconciliation> reconciliations, Path rules,
                              Map<String, String> profiles, Path mapping, Set<String> processAccounts, LocalDate asOf) {

    public AnalysisRequest {
        extracts = List.copyOf(extracts);
        changeLogs = List.copyOf(changeLogs);
        parameters = List.copyOf(parameters);
        reconciliations = List.copyOf(reconciliations);
        profiles = Map.copyOf(profiles);
        processAccounts = Set.copyOf(processAccounts);
    }
}

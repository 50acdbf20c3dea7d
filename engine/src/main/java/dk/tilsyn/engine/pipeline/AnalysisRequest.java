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
 * @param displayNames    how to name a file in evidence and messages when not by its path (e.g. a stored
 *                        evidence file, named by its original upload name)
 */
public record AnalysisRequest(Path persons, List<SystemFile> extracts, List<SystemFile> changeLogs,
                              List<SystemFile> parameters, List<Reconciliation> reconciliations, Path rules,
                              Map<String, String> profiles, Path mapping, Set<String> processAccounts, LocalDate asOf,
                              Map<Path, String> displayNames) {

    public AnalysisRequest(Path persons, List<SystemFile> extracts, List<SystemFile> changeLogs,
                           List<SystemFile> parameters, List<Reconciliation> reconciliations, Path rules,
                           Map<String, String> profiles, Path mapping, Set<String> processAccounts, LocalDate asOf) {
        this(persons, extracts, changeLogs, parameters, reconciliations, rules, profiles, mapping, processAccounts, asOf,
                Map.of());
    }

    /** The name a file goes by in evidence and messages. */
    public String nameOf(Path file) {
        return displayNames.getOrDefault(file, file.toString());
    }

    public AnalysisRequest {
        displayNames = Map.copyOf(displayNames);
        extracts = List.copyOf(extracts);
        changeLogs = List.copyOf(changeLogs);
        parameters = List.copyOf(parameters);
        reconciliations = List.copyOf(reconciliations);
        profiles = Map.copyOf(profiles);
        processAccounts = Set.copyOf(processAccounts);
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.systems.SystemRegister;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds the rows a finding cites ("rejsud/rejsud.csv:5") in the evidence files the run froze. */
@Component
class CitedRows {

    private final EvidenceRepository evidence;
    private final SystemRegister systems;
    private final EvidenceStore store;

    CitedRows(EvidenceRepository evidence, SystemRegister systems, EvidenceStore store) {
        this.evidence = evidence;
        this.systems = systems;
        this.store = store;
    }

    /**
     * @param header the file's header line, shown above its rows
     * @param text   the row as the file has it, or null when the file no longer has that line
     */
    public record CitedRow(String file, long line, String header, String text) {
    }

    List<CitedRow> of(AnalysisRun run, StoredFinding finding) {
        Map<String, Set<Long>> wanted = new LinkedHashMap<>();
        for (String citation : finding.evidence().split(", ")) {
            int colon = citation.lastIndexOf(':');
            if (colon > 0) {
                try {
                    wanted.computeIfAbsent(citation.substring(0, colon), f -> new TreeSet<>())
                            .add(Long.parseLong(citation.substring(colon + 1)));
                } catch (NumberFormatException notALine) {
                    // a citation without a line number names the file only
                }
            }
        }
        Map<String, String> files = filesOf(run);
        List<CitedRow> rows = new ArrayList<>();
        wanted.forEach((file, lines) -> {
            String sha256 = files.get(file);
            // A file deleted under retention (or never frozen with the run) can no longer be quoted.
            boolean readable = sha256 != null && java.nio.file.Files.exists(store.path(sha256));
            Map<Long, String> texts = readable ? SourceRows.read(store.path(sha256), lines) : Map.of();
            for (long line : lines) {
                rows.add(new CitedRow(file, line, texts.get(1L), texts.get(line)));
            }
        });
        return rows;
    }

    /** The names the engine cited files by (system id / file name), to the stored file's hash. */
    private Map<String, String> filesOf(AnalysisRun run) {
        Map<String, String> files = new HashMap<>();
        List<Evidence> inputs = new ArrayList<>(evidence.inputsOf(run.id()));
        evidence.reconciledOf(run.id()).ifPresent(inputs::add);
        for (Evidence input : inputs) {
            systems.findById(input.systemId()).ifPresent(system ->
                    files.put(system.systemKey() + "/" + input.fileName(), input.sha256()));
        }
        if (run.personsSha256() != null) {
            files.put("personer.csv", run.personsSha256());
        }
        return files;
    }
}

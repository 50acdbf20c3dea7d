package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.io.FileFacts;
import java.util.Map;

/**
 * A system's configuration parameters (ACC-8 baselines) read in full.
 *
 * @param values  parameter → value as written, in file order
 * @param sources parameter → the row it was read from, for evidence
 */
public record ParameterFile(String system, FileFacts facts, Map<String, String> values, Map<String, SourceRef> sources) {

    public ParameterFile {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        sources = Map.copyOf(sources);
    }
}

package dk.tilsyn.engine.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What an analysis rested on: the rule set's identity and content hash, the as-of date, and every input file
 * with its SHA-256, so a reader can tell that nothing was changed afterwards (004 §5.2, 000 §3.2.2).
 */
public record DataBasis(String ruleSetId, String ruleSetVersion, String ruleSetHash, List<String> ruleSetLayers,
                        LocalDate asOf, List<InputFile> inputs) {
}

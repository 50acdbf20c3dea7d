package dk.tilsyn.engine.pipeline;

import dk.tilsyn.engine.analysis.Matrix;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.report.DataBasis;

import java.util.List;

/** The outcome of one analysis, deterministic for the same inputs. */
public record AnalysisResult(DataBasis basis, List<Finding> findings, Matrix matrix, int subjects, int accounts) {
}

package dk.tilsyn.engine.cli;

import dk.tilsyn.engine.pipeline.AnalysisResult;
import dk.tilsyn.engine.report.MatrixWorkbook;

import java.io.IOException;
import java.io.OutputStream;

/** The XLSX report: the overview matrix (004 appendix 2 table 3), the findings and the data basis. */
final class XlsxOutput {

    private XlsxOutput() {
    }

    static void write(AnalysisResult result, OutputStream out) throws IOException {
        MatrixWorkbook.write(result.matrix(), result.findings(), result.basis(), out);
    }
}

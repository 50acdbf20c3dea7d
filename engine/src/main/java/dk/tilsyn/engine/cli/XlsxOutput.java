package dk.tilsyn.engine.cli;

import dk.tilsyn.engine.pipeline.AnalysisResult;

import java.io.IOException;
import java.io.OutputStream;

/** The XLSX report: the overview matrix, the findings and the data basis. */
final class XlsxOutput {

    private XlsxOutput() {
    }

    static void write(AnalysisResult result, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("XLSX output arrives with the matrix workbook");
    }
}

package dk.tilsyn.engine.report;

import dk.tilsyn.engine.analysis.Matrix;
import dk.tilsyn.engine.findings.Finding;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Writes the analysis as an XLSX workbook (ACC-9): the overview matrix of 004 §5.7 / appendix 2 table 3
 * ("Overblik"), the findings ("Fund") and the data basis ("Datagrundlag"). Streams row by row, so a matrix of
 * 100,000 subjects needs little memory. The same input gives the same cell contents; only the archive's
 * timestamps differ between runs.
 */
public final class MatrixWorkbook {

    private static final String APPLICATION = "Tilsyn";
    /** FastExcel requires the form "major.minor". */
    private static final String APPLICATION_VERSION = "1.0";

    private MatrixWorkbook() {
    }

    /**
     * Writes the workbook to {@code out}; the stream is finished as a ZIP archive but not closed.
     *
     * @param findings in the order they should be listed (the analysis's order)
     */
    public static void write(Matrix matrix, List<Finding> findings, DataBasis basis, OutputStream out)
            throws IOException {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(out, "out");
        Workbook workbook = new Workbook(out, APPLICATION, APPLICATION_VERSION);
        // All sheets exist before any is written, so the tabs keep this order.
        Worksheet overview = workbook.newWorksheet(OverviewSheet.NAME);
        Worksheet found = workbook.newWorksheet(FindingsSheet.NAME);
        Worksheet data = workbook.newWorksheet(DataBasisSheet.NAME);
        new OverviewSheet(overview, matrix).write();
        new FindingsSheet(found).write(findings);
        new DataBasisSheet(data).write(basis);
        workbook.finish();
    }
}

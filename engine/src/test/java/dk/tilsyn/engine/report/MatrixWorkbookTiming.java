package dk.tilsyn.engine.report;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.analysis.Matrix;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Non-asserting timing harness (speed is measured, never asserted): a matrix of 100,000 subjects × 30 function
 * columns (34 columns with the subject columns) and 20,000 findings. Run with the test classpath, e.g.
 * {@code taskset -c 0,1 java -Xmx512m -cp <test classpath> dk.tilsyn.engine.report.MatrixWorkbookTiming [rows]}.
 */
public final class MatrixWorkbookTiming {

    private static final int FUNCTIONS = 30;
    private static final int SYSTEMS = 6;

    private MatrixWorkbookTiming() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Matrix matrix = matrix(rows, new SplittableRandom(42));
        List<Finding> findings = findings(rows / 5);
        DataBasis basis = new DataBasis("timing", "1", "0".repeat(64), List.of("bundled"), LocalDate.of(2025, 6, 30),
                List.of(new InputFile("extract", "s0", "s0.csv", "1".repeat(64), 1, 1)));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("input built: heap used %d MB (the matrix and findings themselves)%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        Path file = Files.createTempFile("matrix-timing", ".xlsx");
        try {
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    MatrixWorkbook.write(matrix, findings, basis, out);
                }
                System.out.printf("run %d: %d rows × %d columns, %d findings: %.2f s, %.1f MB file, heap used %d MB"
                                + " of max %d MB%n", run, rows, FUNCTIONS + 4, findings.size(),
                        (System.nanoTime() - start) / 1e9, Files.size(file) / 1e6,
                        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            }
        } finally {
            Files.delete(file);
        }
    }

    private static Matrix matrix(int rows, SplittableRandom random) {
        List<Matrix.Column> columns = new ArrayList<>();
        for (int f = 0; f < FUNCTIONS; f++) {
            int system = f % SYSTEMS;
            columns.add(new Matrix.Column("s" + system, "System " + system, "f" + f, "Funktion nummer " + f,
                    f % 7 == 0));
        }
        columns.sort((a, b) -> a.system().compareTo(b.system()));
        List<Matrix.Row> list = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<Matrix.Cell> cells = new ArrayList<>(FUNCTIONS);
            boolean anyConflict = false;
            for (int f = 0; f < FUNCTIONS; f++) {
                boolean held = random.nextInt(100) < 30;
                boolean conflict = held && random.nextInt(100) < 10;
                anyConflict |= conflict;
                cells.add(new Matrix.Cell(held, conflict, conflict ? List.of("rule-" + f) : List.of()));
            }
            String id = "P%06d".formatted(r);
            list.add(new Matrix.Row(id, "Person " + id + " (Navn Efternavn " + r + ")",
                    List.of("s0/u" + r, "s1/u" + r, "s2/u" + r), cells, anyConflict));
        }
        return new Matrix("timing", "1", "0".repeat(64), "2025-06-30", columns, list);
    }

    private static List<Finding> findings(int count) {
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            findings.add(new Finding(FindingKind.SOD_CONFLICT, Severity.values()[i % 5], "rule-" + (i % 40),
                    "P%06d".formatted(i), List.of("s0", "s1"), List.of(new AccountRef("s0", "u" + i),
                    new AccountRef("s1", "u" + i)), List.of(new SourceRef("s0.csv", i + 2L)),
                    "Person P%06d har en konflikt mellem to funktioner i to systemer (konto u%d).".formatted(i, i)));
        }
        return findings;
    }
}

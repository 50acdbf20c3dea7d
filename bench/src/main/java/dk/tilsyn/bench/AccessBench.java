package dk.tilsyn.bench;

import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.analysis.Analyzer;
import dk.tilsyn.engine.analysis.Matrix;
import dk.tilsyn.engine.analysis.ProposedAssignment;
import dk.tilsyn.engine.analysis.Subject;
import dk.tilsyn.engine.correlation.Correlator;
import dk.tilsyn.engine.correlation.ManualMapping;
import dk.tilsyn.engine.extracts.ChangeLog;
import dk.tilsyn.engine.extracts.ChangeLogReader;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.extracts.ExtractReader;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.io.ParallelReads;
import dk.tilsyn.engine.io.ReadLimits;
import dk.tilsyn.engine.persons.PersonsFile;
import dk.tilsyn.engine.persons.PersonsReader;
import dk.tilsyn.engine.pipeline.AnalysisPipeline;
import dk.tilsyn.engine.pipeline.AnalysisRequest;
import dk.tilsyn.engine.pipeline.LoadedInputs;
import dk.tilsyn.engine.pipeline.AnalysisResult;
import dk.tilsyn.engine.report.DataBasis;
import dk.tilsyn.engine.report.InputFile;
import dk.tilsyn.engine.report.MatrixWorkbook;
import dk.tilsyn.engine.report.json.JsonReport;
import dk.tilsyn.engine.rules.RuleSet;
import dk.tilsyn.engine.rules.RuleSetLoader;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The access-rights engine on a generated data set, stage by stage, printed as one table. Run with {@code -Xmx2g}:
 * finishing at all shows the whole run fits in 2 GB. Nothing here is asserted; the figures go to
 * docs/performance.md.
 */
public final class AccessBench {

    private static final LocalDate AS_OF = SyntheticDataGenerator.AS_OF;
    private static final int WHAT_IF_CALLS = 20_000;

    private final List<String[]> table = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        new AccessBench().run(Path.of(args.length > 0 ? args[0] : "bench/target/large"));
    }

    void run(Path folder) throws IOException {
        List<Path> extractFiles = list(folder.resolve("extracts"));
        List<Path> logFiles = list(folder.resolve("changelogs"));
        startCpu();
        long tokenizeStart = System.nanoTime();
        long tokenized = ReadBench.tokenize(extractFiles);
        double tokenize = seconds(tokenizeStart);
        row("FastCSV tokenize, 25 extracts", tokenize, "%,d rows, %,.0f rows/s".formatted(tokenized, tokenized / tokenize));

        ReadLimits limits = ReadLimits.defaults();
        startCpu();
        long loadStart = System.nanoTime();
        ExtractReader reader = new ExtractReader(limits);
        // As the pipeline's InputLoader does: the persons file and the extracts on every core, results in order.
        List<Supplier<Object>> reads = new ArrayList<>();
        reads.add(() -> new PersonsReader(limits).read(folder.resolve("persons.csv")));
        extractFiles.forEach(file -> reads.add(() -> reader.read(file, file.getFileName().toString().replace(".csv", ""))));
        List<Object> read = ParallelReads.map(reads, Supplier::get);
        PersonsFile persons = (PersonsFile) read.getFirst();
        List<Extract> extracts = read.subList(1, read.size()).stream().map(Extract.class::cast).toList();
        long rows = extracts.stream().mapToLong(extract -> extract.facts().rows()).sum();
        double load = seconds(loadStart);
        row("Load persons + 25 extracts", load, "%,d rows, %,.0f rows/s, %.2f× tokenize".formatted(rows, rows / load, load / tokenize));
        startCpu();
        long logLoadStart = System.nanoTime();
        ChangeLogReader logReader = new ChangeLogReader();
        List<ChangeLog> logs = ParallelReads.map(logFiles,
                file -> logReader.read(file, file.getFileName().toString().replace(".csv", "")));
        row("Load 25 change logs", seconds(logLoadStart), "%,d events".formatted(logs.stream().mapToInt(l -> l.events().size()).sum()));

        RuleSet rules = RuleSetLoader.loadDefault();
        List<InputFile> files = new ArrayList<>();
        files.add(InputFile.of("persons", null, persons.facts()));
        extracts.forEach(e -> files.add(InputFile.of("extract", e.system(), e.facts())));
        logs.forEach(l -> files.add(InputFile.of("changelog", l.system(), l.facts())));
        LoadedInputs inputs = new LoadedInputs(rules, persons, extracts, logs, List.of(), ManualMapping.NONE, files);
        AnalysisRequest request = new AnalysisRequest(folder.resolve("persons.csv"), List.of(), List.of(), List.of(),
                List.of(), null, Map.of(), null, Set.of("iga-robot"), AS_OF);
        AnalysisResult result = null;
        for (int round = 1; round <= 3; round++) {
            result = analyse(round, inputs, request);
        }
        Analyzer analyzer = new Analyzer(rules);
        whatIf(analyzer, AnalysisPipeline.subjectsOf(new Correlator(persons, ManualMapping.NONE).correlate(extracts, AS_OF)));
        List<Finding> findings = result.findings();
        Matrix matrix = result.matrix();
        DataBasis basis = result.basis();
        Path xlsx = Files.createTempFile("tilsyn-bench", ".xlsx");
        startCpu();
        long xlsxStart = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            MatrixWorkbook.write(matrix, findings, basis, out);
        }
        row("XLSX matrix + findings + data basis", seconds(xlsxStart), "%,d bytes".formatted(Files.size(xlsx)));
        Path json = Files.createTempFile("tilsyn-bench", ".json");
        startCpu();
        long jsonStart = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(json)) {
            JsonReport.write(result, out);
        }
        row("JSON report", seconds(jsonStart), "%,d bytes".formatted(Files.size(json)));
        Files.delete(xlsx);
        Files.delete(json);
        row("Peak heap (sum of heap pools' peaks)", 0, "%,d MB of max %,d MB".formatted(peakHeapMb(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        print();
    }

    /** Everything after loading, as the pipeline does it: correlation, rules and matrix, change-log checks. */
    private AnalysisResult analyse(int round, LoadedInputs inputs, AnalysisRequest request) {
        startCpu();
        long start = System.nanoTime();
        List<AnalysisPipeline.StageTime> stages = new ArrayList<>();
        AnalysisResult result = new AnalysisPipeline(stages::add).analyse(inputs, request);
        String label = round == 1 ? " (1st run, cold JVM)" : " (run " + round + ")";
        row("Full analysis after load" + label, seconds(start), "%,d findings, %,d subjects: %s"
                .formatted(result.findings().size(), result.subjects(), stages.stream()
                        .map(t -> "%s %.2f s".formatted(t.stage(), t.nanos() / 1e9)).collect(Collectors.joining(", "))));
        return result;
    }

    private void whatIf(Analyzer analyzer, List<Subject> subjects) {
        SplittableRandom random = new SplittableRandom(42);
        String[][] grants = {{"rejsud", "Godkender"}, {"navision", "NS_BETALING"}, {"district", "Alene"},
                {"indfak", "Lokal systemadministrator"}, {"navision", "SUPER"}};
        long[] nanos = new long[WHAT_IF_CALLS];
        int created = 0;
        for (int i = -2_000; i < WHAT_IF_CALLS; i++) {
            Subject subject = subjects.get(random.nextInt(subjects.size()));
            String[] grant = grants[random.nextInt(grants.length)];
            String account = subject.accounts().getFirst().account();
            ProposedAssignment proposed = new ProposedAssignment(grant[0], account, grant[1],
                    "Alene".equals(grant[1]) ? EntitlementType.MANDATE : EntitlementType.ROLE, BigDecimal.valueOf(100_000));
            long start = System.nanoTime();
            int found = analyzer.whatIf(subject, proposed, AS_OF).size();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
                created += found;
            }
        }
        Arrays.sort(nanos);
        row("What-if (" + WHAT_IF_CALLS + " calls after 2,000 warm-up)", 0, "p50 %.3f ms, p99 %.3f ms, max %.3f ms, %d new findings"
                .formatted(nanos[WHAT_IF_CALLS / 2] / 1e6, nanos[WHAT_IF_CALLS * 99 / 100] / 1e6,
                        nanos[WHAT_IF_CALLS - 1] / 1e6, created));
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Adds a row; the CPU column is the process's CPU time since the previous row (all threads: workers, GC, JIT).
     * On a shared 2-core machine the wall time swings with what else runs; the CPU time shows the work done.
     */
    private void row(String stage, double seconds, String detail) {
        long cpu = processCpuNanos();
        table.add(new String[]{stage, seconds == 0 ? "" : "%.2f s".formatted(seconds),
                seconds == 0 ? "" : "%.2f s".formatted((cpu - cpuAtLastRow) / 1e9), detail});
        cpuAtLastRow = processCpuNanos();
    }

    private long cpuAtLastRow = processCpuNanos();

    /** Restarts the CPU clock, so bench bookkeeping between stages is not counted in the next one. */
    private void startCpu() {
        cpuAtLastRow = processCpuNanos();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void print() {
        System.out.printf("%nSystem load average at start: %.2f on %d cores%n", loadAtStart,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%n| stage | time | CPU | detail |%n|---|---|---|---|%n");
        table.forEach(row -> System.out.printf("| %s | %s | %s | %s |%n", row[0], row[1], row[2], row[3]));
    }

    private final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
}

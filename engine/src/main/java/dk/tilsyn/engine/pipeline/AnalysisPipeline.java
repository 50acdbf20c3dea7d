package dk.tilsyn.engine.pipeline;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.ChangeEvent;
import dk.tilsyn.engine.analysis.Analyzer;
import dk.tilsyn.engine.analysis.BaselineChecker;
import dk.tilsyn.engine.analysis.FindingOrder;
import dk.tilsyn.engine.analysis.Matrix;
import dk.tilsyn.engine.analysis.Subject;
import dk.tilsyn.engine.changelog.ChangeLogChecks;
import dk.tilsyn.engine.changelog.ChangeLogContext;
import dk.tilsyn.engine.correlation.Correlation;
import dk.tilsyn.engine.correlation.Correlator;
import dk.tilsyn.engine.correlation.Link;
import dk.tilsyn.engine.correlation.Reconciler;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.extracts.ParameterFile;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.io.Tasks;
import dk.tilsyn.engine.report.DataBasis;
import dk.tilsyn.engine.report.InputFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one analysis. Reading throws the readers' exceptions (invalid input) before any analysis; the analysis itself
 * is deterministic: the same files and as-of date give the same findings in the same order.
 */
public final class AnalysisPipeline {

    /** How long one step of an analysis took, for benches and logs. */
    public record StageTime(String stage, long nanos) {
    }

    private final Consumer<StageTime> timings;

    public AnalysisPipeline() {
        this(time -> {
        });
    }

    /** @param timings told the time of each step: correlation, rules and matrix, change-log checks, the rest */
    public AnalysisPipeline(Consumer<StageTime> timings) {
        this.timings = timings;
    }

    public AnalysisResult run(AnalysisRequest request) {
        return analyse(load(request), request);
    }

    /** Reads and checks every input of the request; throws the readers' exceptions before any analysis. */
    public LoadedInputs load(AnalysisRequest request) {
        return new InputLoader().load(request);
    }

    /** Everything after loading: correlation, the rules, the matrix, change logs, baselines and reconciliations. */
    public AnalysisResult analyse(LoadedInputs inputs, AnalysisRequest request) {
        long start = System.nanoTime();
        List<Account> accounts = Correlator.merged(inputs.extracts());
        // The change-log checks need the accounts, not who holds them: the logs are read on a thread of their own
        // while the accounts are tied to persons and the rules evaluated, so each fills the cores the other leaves
        // idle in its sequential steps (grouping, sorting, indexing). Only the wording waits for the persons.
        CompletableFuture<Timed<ChangeLogChecks.Flagged>> flagged = CompletableFuture.supplyAsync(
                () -> Timed.of(() -> flagChangeLogs(inputs, accounts, request)), AnalysisPipeline::ownThread);
        Correlation correlation = new Correlator(inputs.persons(), inputs.mapping()).correlateAccounts(accounts, request.asOf());
        List<Subject> subjects = subjectsOf(correlation);
        start = tell("correlation", start);
        List<Link> links = correlation.linkList(); // in the order of accounts: a position gives the account's link
        // Put in report order on the change-log thread too, beside the rules: the final sort then merges runs that
        // are already in order instead of sorting them again (in the large synthetic set, 22,295 of 30,679 findings).
        CompletableFuture<Timed<List<Finding>>> changeLog = flagged.thenApplyAsync(flags -> Timed.of(flags.nanos(),
                () -> inReportOrder(flags.value().findings(position -> links.get(position).personId()))),
                AnalysisPipeline::ownThread);
        Analyzer analyzer = new Analyzer(inputs.rules());
        Analyzer.Evaluation evaluation = analyzer.evaluate(subjects, request.asOf());
        start = tell("rules and matrix", start);
        Timed<List<Finding>> logFindings = Tasks.joined(changeLog);
        timings.accept(new StageTime("change-log checks (alongside correlation and rules)", logFindings.nanos()));
        List<Finding> findings = new ArrayList<>(correlation.findings());
        findings.addAll(evaluation.findings());
        findings.addAll(logFindings.value());
        start = tell("waiting for the change-log checks", start);
        findings.addAll(new BaselineChecker(inputs.rules()).check(parametersBySystem(inputs.parameters())));
        List<InputFile> files = new ArrayList<>(inputs.files());
        for (Reconciliation reconciliation : request.reconciliations()) {
            Extract own = merged(inputs.extracts(), reconciliation.system());
            Extract other = new InputLoader().readExtract(new SystemFile(reconciliation.system(), reconciliation.otherExtract()),
                    reconciliation.profile(), request);
            files.add(InputFile.of("reconciliation", reconciliation.system(), other.facts()));
            findings.addAll(withPersons(new Reconciler().compare(own, other, reconciliation.entitlements()), correlation));
        }
        DataBasis basis = new DataBasis(inputs.rules().id(), inputs.rules().version(), inputs.rules().contentHash(),
                inputs.rules().layers(), request.asOf(), files);
        int accountCount = inputs.extracts().stream().mapToInt(e -> e.accounts().size()).sum();
        AnalysisResult result = new AnalysisResult(basis, sorted(findings), evaluation.matrix(), subjects.size(),
                accountCount, correlation.accountsByRef());
        tell("baselines, reconciliations and the result", start);
        return result;
    }

    /** A value and how long it took to make. */
    private record Timed<T>(T value, long nanos) {
        static <T> Timed<T> of(Supplier<T> work) {
            return of(0, work);
        }

        /** @param before the time already spent on earlier steps of the same value */
        static <T> Timed<T> of(long before, Supplier<T> work) {
            long start = System.nanoTime();
            T value = work.get();
            return new Timed<>(value, before + System.nanoTime() - start);
        }
    }

    private static void ownThread(Runnable work) {
        Thread.ofPlatform().name("tilsyn-change-log-checks").daemon().start(work);
    }

    /** In the report's order; on every core (a stable sort, so equal findings keep the order they came in). */
    private static List<Finding> sorted(List<Finding> findings) {
        Finding[] array = findings.toArray(Finding[]::new);
        Arrays.parallelSort(array, FindingOrder.ORDER);
        return List.of(array);
    }

    /** In the report's order on the calling thread (stable, as {@link #sorted}). */
    private static List<Finding> inReportOrder(List<Finding> findings) {
        Finding[] array = findings.toArray(Finding[]::new);
        Arrays.sort(array, FindingOrder.ORDER);
        return Arrays.asList(array);
    }

    private long tell(String stage, long since) {
        long now = System.nanoTime();
        timings.accept(new StageTime(stage, now - since));
        return now;
    }

    /**
     * One analysis subject per person (all their active accounts) and per non-personal account: persons by id, then
     * accounts, so reports list them in a stable, readable order.
     */
    public static List<Subject> subjectsOf(Correlation correlation) {
        // The correlation keeps its subjects in this order already (see Correlation#activeAccounts): no sort.
        return correlation.activeAccounts().entrySet().parallelStream().map(entry -> entry.getKey().isPerson()
                ? Subject.person(entry.getKey().personId(), entry.getValue())
                : new Subject(null, entry.getKey().account(), entry.getValue())).toList();
    }

    private static ChangeLogChecks.Flagged flagChangeLogs(LoadedInputs inputs, List<Account> accounts,
                                                        AnalysisRequest request) {
        ChangeLogContext context = new ChangeLogContext(accounts, request.processAccounts(), request.asOf());
        // One call for all logs: the checks index every account once, not once per log.
        List<ChangeEvent> events = inputs.changeLogs().stream().flatMap(log -> log.events().stream()).toList();
        return new ChangeLogChecks(inputs.rules()).flag(events, context);
    }

    private static Map<String, Map<String, String>> parametersBySystem(List<ParameterFile> files) {
        Map<String, Map<String, String>> bySystem = new TreeMap<>();
        files.forEach(file -> bySystem.computeIfAbsent(file.system(), s -> new TreeMap<>()).putAll(file.values()));
        return bySystem;
    }

    /**
     * The reconciler sees two extracts, not the HR master: it names a person only where an extract states one.
     * Correlation knows the person behind every account, so the finding names them too.
     */
    private static List<Finding> withPersons(List<Finding> findings, Correlation correlation) {
        return findings.stream().map(finding -> finding.person() != null || finding.accounts().isEmpty() ? finding
                : Optional.ofNullable(correlation.link(finding.accounts().getFirst())).map(Link::personId)
                        .map(person -> new Finding(finding.kind(), finding.severity(), finding.rule(), person,
                                finding.systems(), finding.accounts(), finding.evidence(), finding.explanation()))
                        .orElse(finding)).toList();
    }

    /** A system may come in several files (e.g. District rights and mandates); reconciliation sees them as one. */
    private static Extract merged(List<Extract> extracts, String system) {
        List<Extract> ofSystem = extracts.stream().filter(e -> e.system().equals(system)).toList();
        if (ofSystem.isEmpty()) {
            throw new InvalidRequestException("Afstemning for systemet \"" + system
                    + "\" kræver et udtræk fra samme system (--extract " + system + "=FIL).");
        }
        if (ofSystem.size() == 1) {
            return ofSystem.getFirst();
        }
        List<Account> accounts = ofSystem.stream().flatMap(e -> e.accounts().stream()).toList();
        return new Extract(system, ofSystem.getFirst().facts(), accounts);
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.engine.pipeline.AnalysisPipeline;
import dk.tilsyn.engine.pipeline.AnalysisRequest;
import dk.tilsyn.engine.pipeline.AnalysisResult;
import dk.tilsyn.engine.pipeline.LoadedInputs;
import dk.tilsyn.engine.io.Tasks;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.report.MatrixWorkbook;
import dk.tilsyn.engine.report.json.JsonReport;
import dk.tilsyn.organisation.PersonDirectory;
import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.platform.evidence.StoredFile;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts analysis runs and carries them out in the background. A run freezes its inputs when it starts — the
 * accepted files of every system and a snapshot of the institution's persons, both kept as evidence — so what it
 * read can always be shown again; its findings and full report are kept when it finishes.
 */
@Service
public class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private final RunRepository runs;
    private final EvidenceRepository evidence;
    private final PersonDirectory persons;
    private final EvidenceStore store;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final RunDetailsRepository details;
    private final DocumentationRepository documentation;
    private final DecisionService decisions;
    private final RuleSetLayerRepository layers;
    private final RunInputs runInputs;
    private final ApplicationEventPublisher events;
    private final TableStatistics statistics;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Long, CompletableFuture<Void>> underway = new ConcurrentHashMap<>();

    RunService(RunRepository runs, EvidenceRepository evidence, PersonDirectory persons,
               EvidenceStore store, AuditTrail audit, TransactionTemplate transaction, RunDetailsRepository details,
               DocumentationRepository documentation, DecisionService decisions, RuleSetLayerRepository layers,
               RunInputs runInputs, ApplicationEventPublisher events, TableStatistics statistics) {
        this.statistics = statistics;
        this.layers = layers;
        this.runInputs = runInputs;
        this.events = events;
        this.details = details;
        this.documentation = documentation;
        this.decisions = decisions;
        this.runs = runs;
        this.evidence = evidence;
        this.persons = persons;
        this.store = store;
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * Starts a run on the chosen accepted files (all when none are chosen).
     *
     * @return the new run's id, or empty when there is no accepted extract to analyse
     * @throws DecisionProblem with a message key when the choice is not possible (an unknown file, a reconciliation
     *                         without entitlements or without the system's own extract)
     */
    Optional<Long> start(LocalDate asOf, RunChoice choice) {
        List<Evidence> inputs = chosenInputs(choice);
        if (inputs.stream().noneMatch(e -> e.kind() == EvidenceKind.EXTRACT)) {
            return Optional.empty();
        }
        if (persons.countPersons() == 0) {
            // Without the HR master every account would be an orphan; the engine refuses an empty persons file.
            throw new DecisionProblem("runs.problem.noPersons");
        }
        Evidence reconciled = choice.reconcile() == null ? null : reconcilable(choice.reconcile(), inputs);
        // The institution's rule-set layer as it is now is frozen with the run, like the files.
        Optional<RuleSetLayer> layer = layers.current();
        Path rules = layer.map(runInputs::layerFile).orElse(null);
        long userId = TenantContext.user().orElseThrow().id();
        long institution = TenantContext.institutionId();
        long id = transaction.execute(status -> {
            long run = runs.insertQueued(asOf, userId, inputs.stream().map(Evidence::id).toList(),
                    layer.map(RuleSetLayer::version).orElse(null), choice.reconcile());
            audit.record(AuditEvent.of(institution, AuditAction.CREATE, "analysis-run", run, null,
                    startFacts(asOf, inputs, reconciled, choice)));
            return run;
        });
        // The persons snapshot is taken by the background work: with 100,000 persons it takes seconds.
        RunInputs.Frozen frozen = new RunInputs.Frozen(asOf, inputs, null, rules, reconciled,
                choice.reconcile() == null ? Set.of() : choice.reconcile().entitlements());
        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> TenantContext.runAs(institution, () -> {
            execute(id, frozen);
            return null;
        }), executor);
        underway.put(id, work);
        work.whenComplete((ignored, error) -> underway.remove(id));
        return Optional.of(id);
    }

    /** The accepted files the controller chose (all when none were chosen); a choice of another file is refused. */
    private List<Evidence> chosenInputs(RunChoice choice) {
        List<Evidence> accepted = evidence.findAllAccepted();
        if (choice.evidenceIds() == null) {
            return accepted;
        }
        List<Evidence> chosen = accepted.stream().filter(e -> choice.evidenceIds().contains(e.id())).toList();
        if (chosen.size() != new java.util.HashSet<>(choice.evidenceIds()).size()) {
            throw new DecisionProblem("runs.problem.unknownFile");
        }
        return chosen;
    }

    private static Map<String, Object> startFacts(LocalDate asOf, List<Evidence> inputs, Evidence reconciled,
                                                  RunChoice choice) {
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("asOf", asOf.toString());
        facts.put("inputs", inputs.stream().map(Evidence::sha256).toList());
        if (reconciled != null) {
            facts.put("reconcile", reconciled.sha256());
            facts.put("entitlements", choice.reconcile().entitlements());
        }
        return facts;
    }

    /** The second extract must be of a system the run has its own extract of, and name what to compare. */
    private Evidence reconcilable(RunChoice.Reconcile reconcile, List<Evidence> inputs) {
        Evidence other = evidence.findAnyById(reconcile.evidenceId())
                .filter(e -> e.kind() == EvidenceKind.EXTRACT && !"DISCARDED".equals(e.status()))
                .orElseThrow(() -> new DecisionProblem("runs.problem.unknownFile"));
        if (inputs.stream().noneMatch(e -> e.kind() == EvidenceKind.EXTRACT && e.systemId() == other.systemId())) {
            throw new DecisionProblem("runs.problem.reconcileSystem");
        }
        if (reconcile.entitlements().isEmpty()) {
            throw new DecisionProblem("runs.problem.reconcileEntitlements");
        }
        return other;
    }

    /** The runs this instance is carrying out now (their heartbeat). */
    List<Long> underway() {
        return List.copyOf(underway.keySet());
    }

    /** The run's work, while it is under way in this instance (lets tests and callers wait without polling). */
    public CompletableFuture<Void> completion(long runId) {
        return underway.getOrDefault(runId, CompletableFuture.completedFuture(null));
    }

    private void execute(long id, RunInputs.Frozen queued) {
        try {
            StepTimes times = new StepTimes();
            StoredFile personsFile = store.keep(PersonsSnapshot.csv(persons.findAll()));
            runs.markRunning(id, personsFile.sha256());
            RunInputs.Frozen inputs = queued.withPersons(personsFile.sha256());
            times.done("persons snapshot");
            AnalysisPipeline pipeline = new AnalysisPipeline();
            AnalysisRequest request = runInputs.request(inputs);
            LoadedInputs loaded = pipeline.load(request);
            times.done("reading the files");
            AnalysisResult result = pipeline.analyse(loaded, request);
            times.done("analysis");
            // The report files are written while the results go into the database: the files are this process's
            // work, the rows mostly PostgreSQL's, so together they keep both cores busy. Should storing fail, a
            // file may still be written; it is content nothing refers to, like a refused upload's hash never is.
            CompletableFuture<StoredFile> report = CompletableFuture.supplyAsync(
                    () -> keep(out -> JsonReport.write(result, out)), executor);
            CompletableFuture<StoredFile> matrix = CompletableFuture.supplyAsync(
                    () -> keep(out -> MatrixWorkbook.write(result.matrix(), result.findings(), result.basis(), out)),
                    executor);
            List<FindingFacts> facts = FindingFacts.of(result);
            Map<String, LocalDate> documented = documentation.currentUntil(LocalDate.now());
            transaction.executeWithoutResult(status -> {
                runs.insertFindings(id, result.findings(), facts, finding -> documentedUntil(finding, documented));
                times.done("findings");
                details.insert(id, result.matrix(), result.accountsByRef());
                times.done("matrix and accounts");
                StoredFile workbook = Tasks.joined(matrix);
                StoredFile json = Tasks.joined(report);
                times.done("waiting for the report files");
                runs.setMatrix(id, workbook.sha256());
                decisions.carryOver(id);
                runs.markDone(id, result.basis(), json.sha256(), result.findings().size());
                audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.UPDATE, "analysis-run", id,
                        Map.of("status", "RUNNING"), Map.of("status", "DONE", "findings", result.findings().size(),
                                "ruleSet", result.basis().ruleSetId() + " " + result.basis().ruleSetVersion(),
                                "report", json.sha256(), "persons", inputs.personsSha256())));
                times.done("decisions carried over and the run marked done");
            });
            statistics.afterRun();
            times.done("table statistics");
            log.info("Analysis run {} done in {} ({} findings)", id, times, result.findings().size());
            events.publishEvent(new RunFinished(TenantContext.institutionId(), id));
        } catch (RuntimeException e) {
            log.error("Analysis run {} failed", id, e);
            transaction.executeWithoutResult(status -> {
                runs.markFailed(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.UPDATE, "analysis-run", id,
                        Map.of("status", "RUNNING"), Map.of("status", "FAILED")));
            });
        }
    }

    /** A privileged-access finding is documented while every account it names has current documentation. */
    private static LocalDate documentedUntil(Finding finding, Map<String, LocalDate> documented) {
        if (finding.kind() != FindingKind.PRIVILEGED_ACCESS || finding.accounts().isEmpty()) {
            return null;
        }
        LocalDate until = null;
        for (var account : finding.accounts()) {
            LocalDate end = documented.get(account.system() + ":" + account.account());
            if (end == null) {
                return null;
            }
            until = until == null || end.isBefore(until) ? end : until;
        }
        return until;
    }

    /** Writes a file straight into the evidence store (reports can be hundreds of MB). */
    private StoredFile keep(EvidenceStore.ContentWriter writer) {
        return store.keep(store.receive(writer));
    }

    /** The time of each step of a run, for the line it logs when done: where a slow run spends its time. */
    private static final class StepTimes {

        private final long start = System.nanoTime();
        private final StringJoiner steps = new StringJoiner(", ");
        private long last = start;

        void done(String step) {
            long now = System.nanoTime();
            steps.add(step + " " + seconds(last, now) + " s");
            last = now;
        }

        @Override
        public String toString() {
            return seconds(start, last) + " s: " + steps;
        }
    }

    private static String seconds(long from, long to) {
        return String.format(Locale.ROOT, "%.1f", (to - from) / 1e9);
    }
}

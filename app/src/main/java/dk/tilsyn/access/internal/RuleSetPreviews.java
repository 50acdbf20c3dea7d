package dk.tilsyn.access.internal;

import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.pipeline.AnalysisPipeline;
import dk.tilsyn.engine.pipeline.AnalysisRequest;
import dk.tilsyn.engine.pipeline.LoadedInputs;
import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The impact of a draft rule-set layer, computed in the background: the latest finished run's frozen inputs analysed
 * again with the draft and compared with what the run found. On the large set that takes as long as a run's analysis
 * (tens of seconds), so the request that submits the draft only records it and returns; the page polls the progress,
 * which is kept in the database (table {@code rule_set_preview}), so a reload, another tab or another instance shows
 * it. The work stays on the instance that received the draft, on a virtual thread; at most
 * {@code tilsyn.rulesets.concurrent-previews} at a time, others wait in line. One preview per institution is current: a
 * new draft supersedes the old one, whose computation stops at its next step and never writes its result.
 */
@Service
public class RuleSetPreviews {

    private static final Logger log = LoggerFactory.getLogger(RuleSetPreviews.class);

    private final RuleSetPreviewRepository previews;
    private final RunRepository runs;
    private final RunInputs runInputs;
    private final EvidenceStore store;
    private final TransactionTemplate transaction;
    private final Duration staleAfter;
    /** Package-visible so a test can take every place and watch a preview wait in line. */
    final Semaphore places;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Long, CompletableFuture<Void>> underway = new ConcurrentHashMap<>();

    RuleSetPreviews(RuleSetPreviewRepository previews, RunRepository runs, RunInputs runInputs, EvidenceStore store,
                    TransactionTemplate transaction, @Value("${tilsyn.runs.stale-after:5m}") Duration staleAfter,
                    @Value("${tilsyn.rulesets.concurrent-previews:1}") int concurrentPreviews) {
        this.previews = previews;
        this.runs = runs;
        this.runInputs = runInputs;
        this.store = store;
        this.transaction = transaction;
        this.staleAfter = staleAfter;
        this.places = new Semaphore(Math.max(1, concurrentPreviews), true);
    }

    /**
     * Starts the impact of a checked draft on the institution's latest finished run. The current preview is kept when
     * it is of the same draft and the same run and has not failed: checking the same text twice computes nothing new.
     *
     * @return the preview's id
     */
    long start(RuleSetPreviewRepository.Draft draft, long userId) {
        Optional<AnalysisRun> latest = runs.latestDone();
        Long runId = latest.map(AnalysisRun::id).orElse(null);
        OffsetDateTime now = Clock.now();
        Optional<RuleSetPreview> same = previews.current().filter(p -> p.draftSha256().equals(draft.sha256())
                && Objects.equals(p.runId(), runId)
                && ("DONE".equals(p.status()) || p.underway() && !p.interrupted(now, staleAfter)));
        if (same.isPresent()) {
            previews.comment(same.get().id(), draft.comment());
            return same.get().id();
        }
        previews.purgeSupersededBefore(now.minusDays(1));
        long id = newCurrent(draft, runId, userId);
        if (latest.isPresent()) {
            // The draft is kept like every other input the engine reads: content-addressed, in the evidence store.
            Path layer = store.path(store.keep(draft.yaml().getBytes(StandardCharsets.UTF_8)).sha256());
            long institution = TenantContext.institutionId();
            CompletableFuture<Void> work = CompletableFuture.runAsync(() -> TenantContext.runAs(institution, () -> {
                compute(id, latest.get(), layer);
                return null;
            }), executor);
            underway.put(id, work);
            work.whenComplete((ignored, error) -> underway.remove(id));
        }
        return id;
    }

    /** The computation, while it is under way in this instance (lets tests wait without polling). */
    public CompletableFuture<Void> completion(long previewId) {
        return underway.getOrDefault(previewId, CompletableFuture.completedFuture(null));
    }

    /** What the page says about a preview now. */
    String shownStatus(RuleSetPreview preview) {
        return preview.shownStatus(Clock.now(), staleAfter);
    }

    /** SHA-256 of a draft's text, as hex: the identity a preview's result is tied to. */
    static String sha256(String yaml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private long newCurrent(RuleSetPreviewRepository.Draft draft, Long runId, long userId) {
        try {
            return transaction.execute(status -> previews.insertCurrent(draft, runId, userId));
        } catch (DuplicateKeyException raced) {
            // Another request of the institution made its draft current at the same moment; this one is the newer.
            return transaction.execute(status -> previews.insertCurrent(draft, runId, userId));
        }
    }

    private void compute(long id, AnalysisRun run, Path layer) {
        try {
            if (!waitForAFreePlace(id)) {
                return;
            }
            try {
                analyseAndCompare(id, run, layer);
            } finally {
                places.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            previews.fail(id, "Beregningen blev afbrudt.");
        } catch (RuntimeException e) {
            log.error("Rule-set preview {} failed", id, e);
            previews.fail(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Waits in line; false when the preview was superseded meanwhile (then there is nothing to do). */
    private boolean waitForAFreePlace(long id) throws InterruptedException {
        while (!places.tryAcquire(2, TimeUnit.SECONDS)) {
            if (!previews.stillWanted(id)) {
                return false;
            }
        }
        if (!previews.stillWanted(id)) {
            places.release();
            return false;
        }
        return true;
    }

    /** Each step first checks that the preview is still wanted: a superseded one stops without writing anything. */
    private void analyseAndCompare(long id, AnalysisRun run, Path layer) {
        if (!previews.step(id, "READING")) {
            return;
        }
        AnalysisPipeline pipeline = new AnalysisPipeline();
        AnalysisRequest request = runInputs.request(runInputs.of(run).withRules(layer));
        LoadedInputs inputs = pipeline.load(request);
        if (!previews.step(id, "ANALYSING")) {
            return;
        }
        List<Finding> findings = pipeline.analyse(inputs, request).findings();
        if (!previews.step(id, "COMPARING")) {
            return;
        }
        RuleSetImpact impact = RuleSetImpact.of(findings, runs.allFindings(run.id()));
        transaction.executeWithoutResult(status -> previews.finish(id, impact));
    }

    /** Keeps this instance's previews alive and marks those whose instance stopped as interrupted. */
    @Scheduled(fixedDelayString = "${tilsyn.runs.heartbeat:30s}", initialDelayString = "${tilsyn.runs.heartbeat:30s}")
    void heartbeat() {
        OffsetDateTime now = Clock.now();
        previews.touch(List.copyOf(underway.keySet()), now);
        int interrupted = interruptStale(now.minus(staleAfter));
        if (interrupted > 0) {
            log.warn("{} rule-set previews had no heartbeat since {}: marked interrupted", interrupted, now.minus(staleAfter));
        }
    }

    /** Marks previews no instance has touched since {@code before} as interrupted (every institution). */
    int interruptStale(OffsetDateTime before) {
        return previews.interruptStale(before);
    }
}

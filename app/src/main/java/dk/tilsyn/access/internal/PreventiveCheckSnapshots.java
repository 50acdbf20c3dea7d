package dk.tilsyn.access.internal;

import dk.tilsyn.engine.pipeline.WhatIfIndex;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The preventive check answers from the newest finished run of the caller's institution. Reading a run's frozen
 * files takes from a tenth of a second (the demo) to many seconds (a large state institution), so each
 * institution's newest run is read once and kept in memory: when a run finishes in this instance it is read at
 * once, in the run's own background thread; in other instances at the first call that finds a newer run.
 */
@Component
class PreventiveCheckSnapshots {

    private static final Logger log = LoggerFactory.getLogger(PreventiveCheckSnapshots.class);

    /** One institution's newest run as read for checks. */
    record Snapshot(AnalysisRun run, WhatIfIndex index) {
    }

    private final RunRepository runs;
    private final EvidenceRepository evidence;
    private final RunInputs runInputs;
    private final Map<Long, Snapshot> byInstitution = new ConcurrentHashMap<>();
    private final Map<Long, ReentrantLock> loading = new ConcurrentHashMap<>();

    PreventiveCheckSnapshots(RunRepository runs, EvidenceRepository evidence, RunInputs runInputs) {
        this.runs = runs;
        this.evidence = evidence;
        this.runInputs = runInputs;
    }

    /** The current institution's newest finished run, read; empty when it has none. */
    Optional<Snapshot> latest() {
        Optional<AnalysisRun> newest = runs.latestDone();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        long institution = TenantContext.institutionId();
        Snapshot kept = byInstitution.get(institution);
        if (kept != null && kept.run().id() == newest.get().id()) {
            return Optional.of(kept);
        }
        return Optional.of(load(institution, newest.get()));
    }

    /** A run finished in this instance: read it now rather than on the first call. */
    @EventListener
    void runFinished(RunFinished finished) {
        try {
            TenantContext.runAs(finished.institutionId(), () -> {
                runs.latestDone().filter(run -> run.id() == finished.runId())
                        .ifPresent(run -> load(finished.institutionId(), run));
                return null;
            });
        } catch (RuntimeException e) {
            // The run itself is done and stored; the first check will try to read it again.
            log.warn("Could not read run {} for preventive checks", finished.runId(), e);
        }
    }

    /** One reader per institution at a time; a caller that waited finds the run read already. */
    private Snapshot load(long institution, AnalysisRun run) {
        ReentrantLock lock = loading.computeIfAbsent(institution, id -> new ReentrantLock());
        lock.lock();
        try {
            Snapshot kept = byInstitution.get(institution);
            if (kept != null && kept.run().id() >= run.id()) {
                return kept;
            }
            long started = System.nanoTime();
            WhatIfIndex index = WhatIfIndex.load(runInputs.request(runInputs.of(run)));
            Snapshot snapshot = new Snapshot(run, index);
            byInstitution.put(institution, snapshot);
            log.info("Preventive check: run {} of institution {} read in {} ms ({} persons)", run.id(), institution,
                    (System.nanoTime() - started) / 1_000_000, index.personCount());
            return snapshot;
        } finally {
            lock.unlock();
        }
    }
}

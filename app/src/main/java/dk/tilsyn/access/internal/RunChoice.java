package dk.tilsyn.access.internal;

import java.util.List;
import java.util.Set;

/**
 * What a controller chose when starting a run.
 *
 * @param evidenceIds the accepted files to use, or null for all of them
 * @param reconcile   a second extract to reconcile against the system's own, or null
 */
record RunChoice(List<Long> evidenceIds, Reconcile reconcile) {

    static RunChoice everything() {
        return new RunChoice(null, null);
    }

    /** Reconcile this extract (another view of its system) for these entitlements (ACC-7). */
    record Reconcile(long evidenceId, Set<String> entitlements) {
    }
}

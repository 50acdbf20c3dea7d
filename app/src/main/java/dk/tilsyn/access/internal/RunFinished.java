package dk.tilsyn.access.internal;

/** A run finished and stored its findings: the newest data basis of its institution may have changed. */
record RunFinished(long institutionId, long runId) {
}

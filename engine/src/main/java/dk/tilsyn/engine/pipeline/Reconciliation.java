package dk.tilsyn.engine.pipeline;

import java.nio.file.Path;
import java.util.Set;

/**
 * Compare a second extract of a system (e.g. the IGA's view) with the system's own extract for the given
 * entitlements (ACC-7).
 */
public record Reconciliation(String system, Path otherExtract, Set<String> entitlements) {
}

package dk.tilsyn.engine.pipeline;

import java.nio.file.Path;
import java.util.Set;

/**
 * Compare a second extract of a system (e.g. the IGA's view) with the system's own extract for the given
 * entitlements (ACC-7).
 *
 * @param profile the import profile the second extract is read with (a shipped profile id or a path to a profile
 *                YAML), or null for the canonical columns. Its own, not the system's: the IGA's export has the IGA's
 *                layout, whatever the system's own report looks like.
 */
public record Reconciliation(String system, Path otherExtract, Set<String> entitlements, String profile) {
}

package dk.tilsyn.organisation.internal;

import dk.tilsyn.engine.io.FileFacts;

/**
 * What an accepted import did.
 *
 * @param absent records that exist in Tilsyn but not in the file; they are kept, not deleted
 */
public record ImportResult(String kind, FileFacts facts, int created, int updated, int unchanged, long absent, int newUnits) {
}

package dk.tilsyn.access.internal;

import dk.tilsyn.engine.profiles.ProfileLoader;
import dk.tilsyn.systems.ItSystem;

import java.util.List;
import java.util.Optional;

/**
 * The import profile one upload is read with, chosen (or confirmed) on the upload form; the system's profile is only
 * the default. Null is the canonical columns. Only extracts have profiles: a change log or a parameter file is read in
 * its canonical columns whatever was chosen, and is recorded so.
 *
 * @param profile a shipped profile id, or null for the canonical columns
 */
record ImportProfileChoice(String profile) {

    static final ImportProfileChoice CANONICAL = new ImportProfileChoice(null);

    /** The profiles the form offers besides the canonical columns. */
    static List<String> offered() {
        return ProfileLoader.SHIPPED;
    }

    /**
     * What was posted: no value at all (a request made without the form) is the system's profile, an empty one the
     * canonical columns, anything else must be a shipped profile.
     *
     * @return empty when the posted name is no shipped profile
     */
    static Optional<ImportProfileChoice> of(ItSystem system, String posted) {
        if (posted == null) {
            return Optional.of(new ImportProfileChoice(system.importProfile()));
        }
        String name = posted.strip();
        if (name.isEmpty()) {
            return Optional.of(CANONICAL);
        }
        return offered().contains(name) ? Optional.of(new ImportProfileChoice(name)) : Optional.empty();
    }

    /** The profile a file of this kind is actually read with. */
    String forKind(EvidenceKind kind) {
        return kind == EvidenceKind.EXTRACT ? profile : null;
    }
}

package dk.tilsyn.access.internal;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The previews of the most recently checked uploads, so the page shown right after a background check does not read
 * a five-million-row file a second time. In memory and per instance: another instance (or this one after a restart)
 * simply reads the file again, as before.
 */
@Component
class PreviewCache {

    private static final int ENTRIES = 32;

    private final Map<String, Preview> previews = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Preview> eldest) {
            return size() > ENTRIES;
        }
    };

    synchronized void put(long institutionId, long evidenceId, Preview preview) {
        previews.put(key(institutionId, evidenceId), preview);
    }

    synchronized Optional<Preview> get(long institutionId, long evidenceId) {
        return Optional.ofNullable(previews.get(key(institutionId, evidenceId)));
    }

    private static String key(long institutionId, long evidenceId) {
        return institutionId + "/" + evidenceId;
    }
}

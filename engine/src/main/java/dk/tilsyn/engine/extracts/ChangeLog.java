package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.access.ChangeEvent;
import dk.tilsyn.engine.io.FileFacts;
import java.util.List;

/**
 * One system's change log read in full.
 *
 * @param events in file order
 */
public record ChangeLog(String system, FileFacts facts, List<ChangeEvent> events) {

    public ChangeLog {
        events = List.copyOf(events);
    }
}

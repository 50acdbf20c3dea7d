package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.io.FileFacts;
import java.util.Map;

/**
 * A maintained manual mapping of accounts to persons (004 §4.1.1: "en nøgle, der binder kontoadgangen sammen").
 * For a non-personal account the person is its responsible person.
 *
 * @param persons account → person_id
 * @param sources account → the row it was read from
 */
public record ManualMapping(FileFacts facts, Map<AccountRef, String> persons, Map<AccountRef, SourceRef> sources) {

    public static final ManualMapping NONE = new ManualMapping(null, Map.of(), Map.of());

    public ManualMapping {
        persons = Map.copyOf(persons);
        sources = Map.copyOf(sources);
    }
}

package dk.tilsyn.engine.persons;

import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.io.FileFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A persons file read in full.
 *
 * @param facts   hash, size and row count of the file, for evidence
 * @param persons the persons in file order
 * @param lines   the line (or XLSX row) each person was read from, by {@code person_id}; empty when the file was
 *                built without them
 */
public record PersonsFile(FileFacts facts, List<Person> persons, Map<String, Long> lines) {

    public PersonsFile {
        persons = List.copyOf(persons);
        lines = Map.copyOf(lines);
    }

    public PersonsFile(FileFacts facts, List<Person> persons) {
        this(facts, persons, Map.of());
    }

    /** The row a person was read from, as evidence for findings about that person. */
    public Optional<SourceRef> source(String personId) {
        Long line = lines.get(personId);
        return line == null ? Optional.empty() : Optional.of(new SourceRef(facts.name(), line));
    }
}

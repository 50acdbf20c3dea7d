package dk.tilsyn.engine.persons;

import dk.tilsyn.engine.io.FileFacts;
import java.util.List;

/**
 * A persons file read in full.
 *
 * @param facts   hash, size and row count of the file, for evidence
 * @param persons the persons in file order
 */
public record PersonsFile(FileFacts facts, List<Person> persons) {

    public PersonsFile {
        persons = List.copyOf(persons);
    }
}

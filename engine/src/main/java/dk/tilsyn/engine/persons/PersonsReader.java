package dk.tilsyn.engine.persons;

import dk.tilsyn.engine.io.Column;
import dk.tilsyn.engine.io.DataRow;
import dk.tilsyn.engine.io.FileFacts;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.io.Problems;
import dk.tilsyn.engine.io.ReadLimits;
import dk.tilsyn.engine.io.TableSchema;
import dk.tilsyn.engine.io.TabularReader;
import dk.tilsyn.engine.io.TabularSource;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the persons (HR/AD master) file: CSV or XLSX with the columns {@code person_id}
 * (required), {@code name}, {@code email}, {@code username}, {@code org_unit},
 * {@code manager_id} and {@code employment_end}. All-or-nothing: a file with any problem is
 * rejected with every problem listed.
 *
 * <p>A {@code manager_id} naming nobody in the file is accepted as written: managers may sit
 * outside the extract, and the reader does not invent or drop data to make it consistent.
 */
public final class PersonsReader {

    public static final Column PERSON_ID = Column.required("person_id");
    public static final Column NAME = Column.optional("name");
    public static final Column EMAIL = Column.optional("email");
    public static final Column USERNAME = Column.optional("username");
    public static final Column ORG_UNIT = Column.optional("org_unit");
    public static final Column MANAGER_ID = Column.optional("manager_id");
    public static final Column EMPLOYMENT_END = Column.optional("employment_end");

    static final TableSchema SCHEMA = new TableSchema(
            List.of(PERSON_ID, NAME, EMAIL, USERNAME, ORG_UNIT, MANAGER_ID, EMPLOYMENT_END), true);

    private final TabularReader reader;

    public PersonsReader(ReadLimits limits) {
        this.reader = new TabularReader(limits);
    }

    public PersonsReader() {
        this(ReadLimits.defaults());
    }

    /** @throws InvalidInputException with every problem when the file is not a valid persons file */
    public PersonsFile read(Path file) {
        return read(TabularSource.of(file));
    }

    /** Reads an upload; {@code fileName} is used in messages and facts. The stream is not closed. */
    public PersonsFile read(InputStream in, String fileName) {
        return read(TabularSource.of(in, fileName));
    }

    /** Reads any source, e.g. a named sheet: {@code TabularSource.of(path).withSheet("Personer")}. */
    public PersonsFile read(TabularSource source) {
        Collector collector = new Collector();
        FileFacts facts = reader.read(source, SCHEMA, collector::row);
        return new PersonsFile(facts, collector.persons, collector.firstLineById);
    }

    /** Builds persons row by row and remembers where each id was first seen, to name both lines. */
    private static final class Collector {

        private final List<Person> persons = new ArrayList<>();
        private final Map<String, Long> firstLineById = new HashMap<>();

        void row(DataRow row) {
            String id = row.required(PERSON_ID);
            LocalDate employmentEnd = row.date(EMPLOYMENT_END);
            if (id != null) {
                Long firstLine = firstLineById.putIfAbsent(id, row.line());
                if (firstLine != null) {
                    row.report(Problems.duplicateValue(row.locate(PERSON_ID), id, firstLine));
                }
            }
            if (row.hasProblems()) {
                return;
            }
            persons.add(new Person(id, row.text(NAME), row.text(EMAIL), row.text(USERNAME), row.text(ORG_UNIT),
                    row.text(MANAGER_ID), employmentEnd));
        }
    }
}

package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.io.Column;
import dk.tilsyn.engine.io.DataRow;
import dk.tilsyn.engine.io.FileFacts;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.io.Problems;
import dk.tilsyn.engine.io.ReadLimits;
import dk.tilsyn.engine.io.TableSchema;
import dk.tilsyn.engine.io.TabularReader;
import dk.tilsyn.engine.io.TabularSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the manual mapping file: {@code system}, {@code account}, {@code person_id}, all required; one row per account. */
public final class MappingReader {

    public static final Column SYSTEM = Column.required("system");
    public static final Column ACCOUNT = Column.required("account");
    public static final Column PERSON_ID = Column.required("person_id");

    private static final TableSchema SCHEMA = new TableSchema(List.of(SYSTEM, ACCOUNT, PERSON_ID), false);

    private final TabularReader reader;

    public MappingReader(ReadLimits limits) {
        this.reader = new TabularReader(limits);
    }

    public MappingReader() {
        this(ReadLimits.defaults());
    }

    /** @throws InvalidInputException with every problem, e.g. an account mapped twice */
    public ManualMapping read(Path file) {
        return read(TabularSource.of(file));
    }

    public ManualMapping read(TabularSource source) {
        Map<AccountRef, String> persons = new HashMap<>();
        Map<AccountRef, SourceRef> sources = new HashMap<>();
        FileFacts facts = reader.read(source, SCHEMA, row -> row(row, source.name(), persons, sources));
        return new ManualMapping(facts, persons, sources);
    }

    private static void row(DataRow row, String file, Map<AccountRef, String> persons,
            Map<AccountRef, SourceRef> sources) {
        String system = row.required(SYSTEM);
        String account = row.required(ACCOUNT);
        String person = row.required(PERSON_ID);
        if (row.hasProblems()) {
            return;
        }
        AccountRef ref = new AccountRef(system, account);
        SourceRef earlier = sources.putIfAbsent(ref, new SourceRef(file, row.line()));
        if (earlier != null) {
            row.report(Problems.duplicateValue(row.locate(ACCOUNT), system + "/" + account, earlier.line()));
            return;
        }
        persons.put(ref, person);
    }
}

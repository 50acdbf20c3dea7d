package dk.tilsyn.engine.extracts;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a system's parameter file: columns {@code parameter} (required, unique) and {@code value} (may be empty:
 * an unset parameter is itself something a baseline can check). Parameter names are compared exactly as written,
 * because SAP profile parameters such as {@code login/password_expiration_time} are case-sensitive.
 */
public final class ParameterReader {

    public static final Column PARAMETER = Column.required("parameter");
    public static final Column VALUE = Column.required("value");

    static final TableSchema SCHEMA = new TableSchema(List.of(PARAMETER, VALUE), true);

    private final TabularReader reader;

    public ParameterReader(ReadLimits limits) {
        this.reader = new TabularReader(limits);
    }

    /** A reader that reports the data rows read so far to {@code rowsRead} (see {@link TabularReader}). */
    public ParameterReader(ReadLimits limits, java.util.function.LongConsumer rowsRead) {
        this.reader = new TabularReader(limits, rowsRead);
    }

    public ParameterReader() {
        this(ReadLimits.defaults());
    }

    /** @throws InvalidInputException with every problem, e.g. a parameter listed twice */
    public ParameterFile read(Path file, String system) {
        return read(TabularSource.of(file), system);
    }

    public ParameterFile read(TabularSource source, String system) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SourceRef> sources = new HashMap<>();
        FileFacts facts = reader.read(source, SCHEMA, row -> row(row, source.name(), values, sources));
        return new ParameterFile(system, facts, values, sources);
    }

    private static void row(DataRow row, String file, Map<String, String> values, Map<String, SourceRef> sources) {
        String parameter = row.required(PARAMETER);
        if (parameter == null) {
            return;
        }
        SourceRef earlier = sources.get(parameter);
        if (earlier != null) {
            row.report(Problems.duplicateValue(row.locate(PARAMETER), parameter, earlier.line()));
            return;
        }
        String value = row.text(VALUE);
        values.put(parameter, value == null ? "" : value);
        sources.put(parameter, new SourceRef(file, row.line()));
    }
}

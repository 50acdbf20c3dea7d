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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an org-units file: {@code org_unit} (required, unique), {@code name}, {@code parent} (another unit's
 * code). Whether a parent exists is decided by the caller, who also knows the units already stored.
 */
public final class OrgUnitsReader {

    public static final Column ORG_UNIT = Column.required("org_unit");
    public static final Column NAME = Column.optional("name");
    public static final Column PARENT = Column.optional("parent");

    static final TableSchema SCHEMA = new TableSchema(List.of(ORG_UNIT, NAME, PARENT), true);

    private final TabularReader reader;

    public OrgUnitsReader(ReadLimits limits) {
        this.reader = new TabularReader(limits);
    }

    public OrgUnitsReader() {
        this(ReadLimits.defaults());
    }

    /** @throws InvalidInputException with every problem when the file is not a valid org-units file */
    public OrgUnitsFile read(InputStream in, String fileName) {
        return read(TabularSource.of(in, fileName));
    }

    public OrgUnitsFile read(TabularSource source) {
        List<OrgUnitRow> units = new ArrayList<>();
        Map<String, Long> firstLineByCode = new HashMap<>();
        FileFacts facts = reader.read(source, SCHEMA, row -> collect(row, units, firstLineByCode));
        return new OrgUnitsFile(facts, units);
    }

    private static void collect(DataRow row, List<OrgUnitRow> units, Map<String, Long> firstLineByCode) {
        String code = row.required(ORG_UNIT);
        if (code != null) {
            Long firstLine = firstLineByCode.putIfAbsent(code, row.line());
            if (firstLine != null) {
                row.report(Problems.duplicateValue(row.locate(ORG_UNIT), code, firstLine));
            }
        }
        if (row.hasProblems()) {
            return;
        }
        String name = row.text(NAME);
        units.add(new OrgUnitRow(code, name == null ? code : name, row.text(PARENT), row.line()));
    }
}

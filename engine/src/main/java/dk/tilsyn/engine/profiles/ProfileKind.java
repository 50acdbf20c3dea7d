package dk.tilsyn.engine.profiles;

import dk.tilsyn.engine.extracts.ChangeLogReader;
import dk.tilsyn.engine.extracts.ExtractReader;
import dk.tilsyn.engine.io.Column;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a profile's report is read as; decides the canonical columns it may map. */
public enum ProfileKind {
    EXTRACT(ExtractReader.COLUMNS, Set.of("account_type", "status", "entitlement_type")),
    CHANGELOG(ChangeLogReader.COLUMNS, Set.of("entitlement_type"));

    private final List<Column> columns;
    private final Set<String> coded;

    ProfileKind(List<Column> columns, Set<String> coded) {
        this.columns = columns;
        this.coded = coded;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** Columns whose values must be one of a fixed set of codes. */
    boolean coded(String column) {
        return coded.contains(column);
    }
}

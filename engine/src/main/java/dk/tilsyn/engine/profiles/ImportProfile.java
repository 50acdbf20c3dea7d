package dk.tilsyn.engine.profiles;

import dk.tilsyn.engine.extracts.ChangeLog;
import dk.tilsyn.engine.extracts.ChangeLogReader;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.extracts.ExtractReader;
import dk.tilsyn.engine.extracts.Layout;
import dk.tilsyn.engine.io.TabularSource;
import java.util.List;
import java.util.Map;

/**
 * Maps one system report's layout onto a reader's canonical columns, so a controller can feed the report exactly as
 * the system exported it. Load with {@link ProfileLoader}; values are validated there.
 *
 * @param id        stable id, e.g. {@code rejsud-gruppemedlemskab}
 * @param title     Danish title shown to users
 * @param kind      extract or change log
 * @param sheet     the XLSX sheet to read, or null for the first
 * @param columns   canonical column → the report's header names, first preferred
 * @param values    canonical column → the report's code → canonical code
 * @param constants canonical column → value for every row
 * @param note      Danish guidance: a starting point to adjust, since layouts vary by system version
 */
public record ImportProfile(String id, String title, ProfileKind kind, String sheet, Map<String, List<String>> columns,
                            Map<String, Map<String, String>> values, Map<String, String> constants, String note) {

    public ImportProfile {
        columns = Map.copyOf(columns);
        values = Map.copyOf(values);
        constants = Map.copyOf(constants);
    }

    public Layout layout() {
        return Layout.of(kind.columns(), columns, values, constants);
    }

    /** Reads an extract in this profile's layout (and sheet, unless the source names one). */
    public Extract readExtract(ExtractReader reader, TabularSource source, String system) {
        requireKind(ProfileKind.EXTRACT);
        return reader.read(withSheet(source), system, layout());
    }

    public ChangeLog readChangeLog(ChangeLogReader reader, TabularSource source, String system) {
        requireKind(ProfileKind.CHANGELOG);
        return reader.read(withSheet(source), system, layout());
    }

    private TabularSource withSheet(TabularSource source) {
        return sheet == null || source.sheet() != null ? source : source.withSheet(sheet);
    }

    private void requireKind(ProfileKind expected) {
        if (kind != expected) {
            throw new IllegalArgumentException("profile " + id + " is for " + kind.code() + ", not " + expected.code());
        }
    }
}

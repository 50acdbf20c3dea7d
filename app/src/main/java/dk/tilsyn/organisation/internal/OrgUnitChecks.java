package dk.tilsyn.organisation.internal;

import dk.tilsyn.engine.io.ImportProblem;
import dk.tilsyn.engine.persons.OrgUnitRow;
import dk.tilsyn.engine.persons.OrgUnitsFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an org-units file must also satisfy beyond its columns: every parent exists (in the file or already in
 * Tilsyn) and the parents form a tree, not a loop. Problems are worded like the engine's.
 */
final class OrgUnitChecks {

    private final OrgUnitsFile file;
    private final OrganisationImport.UnitIndex stored;

    OrgUnitChecks(OrgUnitsFile file, OrganisationImport.UnitIndex stored) {
        this.file = file;
        this.stored = stored;
    }

    List<ImportProblem> problems() {
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, String> parentOf = new HashMap<>();
        for (OrgUnitRow row : file.units()) {
            parentOf.put(key(row.code()), row.parent() == null ? null : key(row.parent()));
        }
        for (OrgUnitRow row : file.units()) {
            if (row.parent() == null) {
                continue;
            }
            if (!parentOf.containsKey(key(row.parent())) && stored.byCode(row.parent()) == null) {
                problems.add(problem(row, "unknown-parent", "\"" + row.parent()
                        + "\" er ikke en kendt enhed (forventet koden på en enhed i filen eller i Tilsyn)."));
            } else if (loops(row.code(), parentOf)) {
                problems.add(problem(row, "parent-loop", "\"" + row.parent()
                        + "\" giver en løkke: en enhed kan ikke ligge under sig selv."));
            }
        }
        return problems;
    }

    private static boolean loops(String code, Map<String, String> parentOf) {
        Set<String> seen = new HashSet<>();
        String current = key(code);
        while (current != null) {
            if (!seen.add(current)) {
                return true;
            }
            current = parentOf.get(current);
        }
        return false;
    }

    private ImportProblem problem(OrgUnitRow row, String code, String text) {
        String where = file.facts().name() + " linje " + row.line() + ", kolonne \"parent\"";
        return new ImportProblem(file.facts().name(), row.line(), "parent", row.parent(), code, List.of(), where + ": " + text);
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}

package dk.tilsyn.engine.persons;

import dk.tilsyn.engine.io.FileFacts;

import java.util.List;

/** A fully valid org-units file. */
public record OrgUnitsFile(FileFacts facts, List<OrgUnitRow> units) {
}

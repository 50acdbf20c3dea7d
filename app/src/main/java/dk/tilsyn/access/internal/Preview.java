package dk.tilsyn.access.internal;

import java.util.List;

/** The first rows of an upload as the engine read them, in the canonical columns. */
public record Preview(List<String> columns, List<List<String>> rows, long totalRows, String summaryKey, long summaryCount) {
}

package dk.tilsyn.engine.report;

import java.util.stream.Stream;

/** Column widths from the longest text, within bounds, since a streamed sheet cannot be auto-fitted afterwards. */
final class ColumnWidths {

    private ColumnWidths() {
    }

    static double of(Stream<String> texts, int min, int max) {
        int longest = texts.mapToInt(t -> t == null ? 0 : t.length()).max().orElse(0);
        return Math.max(min, Math.min(max, longest + 2));
    }
}

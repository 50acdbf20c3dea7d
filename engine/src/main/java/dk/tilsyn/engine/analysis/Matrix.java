package dk.tilsyn.engine.analysis;

import java.util.List;

/**
 * The overview matrix of 004 §5.7 / appendix 2 table 3: one row per subject, a column per system and function,
 * conflicting cells marked. Plain records of texts, booleans and lists, so it serialises to JSON as it is; the
 * XLSX writer lays out the same data.
 */
public record Matrix(String ruleSetId, String ruleSetVersion, String contentHash, String asOf,
                     List<Column> columns, List<Row> rows) {

    public Matrix {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public record Column(String system, String systemName, String function, String title, boolean privileged) {
    }

    /**
     * @param cells one per column, in column order
     */
    public record Row(String personId, String label, List<String> accounts, List<Cell> cells, boolean conflict) {
        public Row {
            accounts = List.copyOf(accounts);
            cells = List.copyOf(cells);
        }
    }

    /**
     * @param held     the subject can perform the function
     * @param conflict the function takes part in a finding above info severity
     * @param rules    the ids of every rule whose finding involves the function
     */
    public record Cell(boolean held, boolean conflict, List<String> rules) {
        public Cell {
            rules = List.copyOf(rules);
        }
    }
}

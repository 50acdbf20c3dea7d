package dk.tilsyn.engine.report;

import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.util.List;

/**
 * The "Datagrundlag" sheet: what the analysis rested on, so a reader can recompute the SHA-256 of each input file
 * and see that nothing was changed afterwards.
 */
final class DataBasisSheet {

    static final String NAME = "Datagrundlag";
    static final List<String> FACTS = List.of("Regelsæt", "Version", "Lag", "Indholds-hash (SHA-256)",
            "Opgørelsesdato");
    static final List<String> INPUT_HEADERS = List.of("Rolle", "System", "Filnavn", "SHA-256", "Størrelse (bytes)",
            "Rækker");
    /** The input table starts after the facts and one blank row. */
    static final int INPUT_HEADER_ROW = FACTS.size() + 1;
    private static final double[] WIDTHS = {24, 16, 40, 68, 18, 10};

    private final Worksheet sheet;

    DataBasisSheet(Worksheet sheet) {
        this.sheet = sheet;
    }

    void write(DataBasis basis) throws IOException {
        for (int c = 0; c < WIDTHS.length; c++) {
            sheet.width(c, WIDTHS[c]);
        }
        facts(basis);
        List<InputFile> inputs = basis.inputs() == null ? List.of() : basis.inputs();
        for (int c = 0; c < INPUT_HEADERS.size(); c++) {
            sheet.value(INPUT_HEADER_ROW, c, INPUT_HEADERS.get(c));
        }
        SheetStyles.header(sheet.range(INPUT_HEADER_ROW, 0, INPUT_HEADER_ROW, INPUT_HEADERS.size() - 1));
        sheet.setAutoFilter(INPUT_HEADER_ROW, 0, INPUT_HEADER_ROW + inputs.size(), INPUT_HEADERS.size() - 1);
        for (int i = 0; i < inputs.size(); i++) {
            input(INPUT_HEADER_ROW + 1 + i, inputs.get(i));
        }
        sheet.finish();
    }

    private void facts(DataBasis basis) {
        List<String> layers = basis.ruleSetLayers() == null ? List.of() : basis.ruleSetLayers();
        List<String> values = List.of(CellText.safe(basis.ruleSetId()), CellText.safe(basis.ruleSetVersion()),
                CellText.join(layers, ", "), CellText.safe(basis.ruleSetHash()),
                basis.asOf() == null ? "" : basis.asOf().toString());
        for (int r = 0; r < FACTS.size(); r++) {
            sheet.value(r, 0, FACTS.get(r));
            SheetStyles.bold(sheet, r, 0);
            sheet.value(r, 1, values.get(r));
        }
    }

    private void input(int r, InputFile input) {
        sheet.value(r, 0, CellText.safe(input.role()));
        if (input.system() != null) {
            sheet.value(r, 1, CellText.safe(input.system()));
        }
        sheet.value(r, 2, CellText.safe(input.name()));
        sheet.value(r, 3, CellText.safe(input.sha256()));
        sheet.value(r, 4, input.size());
        sheet.value(r, 5, input.rows());
    }
}

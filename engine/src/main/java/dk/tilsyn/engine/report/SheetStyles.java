package dk.tilsyn.engine.report;

import dk.tilsyn.engine.findings.Severity;
import org.dhatim.fastexcel.Range;
import org.dhatim.fastexcel.Worksheet;

/**
 * The few looks the workbook uses. FastExcel keeps one style record per distinct look, so setting these on many
 * cells adds no styles to the file; the colours are Excel's own "bad"/"neutral" palette, known to readers.
 */
final class SheetStyles {

    static final String HEADER_FILL = "D9E1F2";
    static final String CONFLICT_FILL = "FFC7CE";
    static final String CONFLICT_FONT = "9C0006";

    private SheetStyles() {
    }

    static void header(Range range) {
        range.style().bold().fillColor(HEADER_FILL).borderStyle("thin").verticalAlignment("center")
                .wrapText(true).set();
    }

    static void centredHeader(Range range) {
        range.style().bold().fillColor(HEADER_FILL).borderStyle("thin").horizontalAlignment("center")
                .verticalAlignment("center").set();
    }

    /** Light red with dark red bold text: the conflict shows in colour, and the text itself says so too. */
    static void conflict(Worksheet sheet, int row, int column) {
        sheet.style(row, column).bold().fillColor(CONFLICT_FILL).fontColor(CONFLICT_FONT)
                .horizontalAlignment("center").set();
    }

    static void centred(Worksheet sheet, int row, int column) {
        sheet.style(row, column).horizontalAlignment("center").set();
    }

    static void severity(Worksheet sheet, int row, int column, Severity severity) {
        String fill = switch (severity) {
            case CRITICAL -> "FF9999";
            case HIGH -> CONFLICT_FILL;
            case MEDIUM -> "FFEB9C";
            case LOW, INFO -> null;
        };
        if (fill != null) {
            sheet.style(row, column).fillColor(fill).set();
        }
    }

    static void bold(Worksheet sheet, int row, int column) {
        sheet.style(row, column).bold().set();
    }
}

package dk.tilsyn.engine.report;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.Severity;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.util.List;

/** The "Fund" sheet: one row per finding, in the order given (the analysis sorts them by severity). */
final class FindingsSheet {

    static final String NAME = "Fund";
    static final List<String> HEADERS = List.of("Type", "Alvorlighed", "Regel", "Person", "Systemer", "Konti",
            "Dokumentation (fil:linje)", "Forklaring");
    static final String SEPARATOR = "; ";
    private static final double[] WIDTHS = {22, 12, 30, 14, 20, 36, 36, 100};
    private static final int FLUSH_EVERY = 1_000;

    private final Worksheet sheet;

    FindingsSheet(Worksheet sheet) {
        this.sheet = sheet;
    }

    void write(List<Finding> findings) throws IOException {
        for (int c = 0; c < HEADERS.size(); c++) {
            sheet.width(c, WIDTHS[c]);
            sheet.value(0, c, HEADERS.get(c));
        }
        SheetStyles.header(sheet.range(0, 0, 0, HEADERS.size() - 1));
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, findings.size(), HEADERS.size() - 1);
        for (int i = 0; i < findings.size(); i++) {
            row(i + 1, findings.get(i));
            if ((i + 1) % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }
        sheet.finish();
    }

    private void row(int r, Finding finding) {
        sheet.value(r, 0, finding.kind().code());
        sheet.value(r, 1, severity(finding.severity()));
        SheetStyles.severity(sheet, r, 1, finding.severity());
        sheet.value(r, 2, CellText.safe(finding.rule()));
        if (finding.person() != null) {
            sheet.value(r, 3, CellText.safe(finding.person()));
        }
        sheet.value(r, 4, CellText.join(finding.systems(), SEPARATOR));
        sheet.value(r, 5, CellText.join(finding.accounts().stream().map(FindingsSheet::account).toList(), SEPARATOR));
        sheet.value(r, 6, CellText.join(finding.evidence().stream().map(FindingsSheet::evidence).toList(), SEPARATOR));
        sheet.value(r, 7, CellText.safe(finding.explanation()));
    }

    static String account(AccountRef ref) {
        return ref.system() + ":" + ref.account();
    }

    static String evidence(SourceRef ref) {
        return ref.file() + ":" + ref.line();
    }

    /** Danish words for the severities, as a manager reads them. */
    static String severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "Kritisk";
            case HIGH -> "Høj";
            case MEDIUM -> "Middel";
            case LOW -> "Lav";
            case INFO -> "Info";
        };
    }
}

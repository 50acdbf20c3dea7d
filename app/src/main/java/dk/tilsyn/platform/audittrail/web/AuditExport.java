package dk.tilsyn.platform.audittrail.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dk.tilsyn.platform.audittrail.AuditEntry;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes trail entries as CSV (UTF-8 with BOM, semicolons, so Danish Excel opens it) or XLSX, including each
 * entry's hashes so the export itself can be checked. Text that a spreadsheet would run as a formula is prefixed
 * with an apostrophe.
 */
final class AuditExport {

    static final List<String> HEADER = List.of("seq", "chain", "occurred_at", "actor", "action", "entity_type",
            "entity_id", "before", "after", "prev_hash", "hash");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Copenhagen"));

    private AuditExport() {
    }

    static void csv(OutputStream out, Consumer<Consumer<AuditEntry>> entries) throws IOException {
        out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer)) {
            csv.writeRecord(HEADER);
            entries.accept(entry -> csv.writeRecord(values(entry)));
        }
    }

    static void xlsx(OutputStream out, Consumer<Consumer<AuditEntry>> entries) throws IOException {
        Workbook workbook = new Workbook(out, "Tilsyn", "1.0");
        Worksheet sheet = workbook.newWorksheet("Revisionsspor");
        for (int c = 0; c < HEADER.size(); c++) {
            sheet.value(0, c, HEADER.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        int[] row = {1};
        entries.accept(entry -> {
            List<String> values = values(entry);
            for (int c = 0; c < values.size(); c++) {
                sheet.value(row[0], c, values.get(c));
            }
            row[0]++;
            if (row[0] % 10_000 == 0) {
                flush(sheet);
            }
        });
        sheet.setAutoFilter(0, 0, HEADER.size() - 1);
        workbook.finish();
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> values(AuditEntry e) {
        return List.of(Long.toString(e.seq()), e.chain(), TIME.format(e.occurredAt()), safe(e.actorName()), e.action(),
                safe(e.entityType()), safe(e.entityId()), safe(e.beforeJson()), safe(e.afterJson()), e.prevHash(), e.hash());
    }

    static String safe(String value) {
        return dk.tilsyn.platform.web.SpreadsheetText.safe(value);
    }
}

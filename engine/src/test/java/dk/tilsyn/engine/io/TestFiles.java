package dk.tilsyn.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds input files for tests, byte for byte, so each test shows exactly what it feeds in. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path text(Path dir, String name, String content, Charset charset) {
        return write(dir, name, content.getBytes(charset));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** An XLSX file written by fastexcel; {@code sheets} fills the workbook. */
    public static Path xlsx(Path dir, String name, Consumer<Workbook> sheets) {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Tilsyn tests", "1.0");
            sheets.accept(workbook);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Fills a sheet from rows of values: String, Number, LocalDate (formatted as a date) or null. */
    public static void rows(Worksheet sheet, Object[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object value = rows[r][c];
                if (value instanceof String text) {
                    sheet.value(r, c, text);
                } else if (value instanceof Number number) {
                    sheet.value(r, c, number);
                } else if (value instanceof LocalDate date) {
                    sheet.value(r, c, date);
                    sheet.style(r, c).format("dd-mm-yyyy").set();
                }
            }
        }
    }
}

package dk.tilsyn.access.internal;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The exact rows of an evidence file a finding cites, as the file has them: the line of a CSV file (decoded as the
 * engine decodes it, UTF-8 or else Windows-1252) or the cells of an XLSX row joined by ";". Line 1 is the header.
 */
final class SourceRows {

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private SourceRows() {
    }

    /** @return line number → text, for the wanted lines that exist (and always line 1, the header) */
    static Map<Long, String> read(Path file, Set<Long> wanted) {
        Set<Long> lines = new TreeSet<>(wanted);
        lines.add(1L);
        try {
            return isXlsx(file) ? xlsx(file, lines) : csv(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return java.util.Arrays.equals(head, ZIP);
        }
    }

    private static Map<Long, String> csv(Path file, Set<Long> lines) throws IOException {
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        long last = lines.stream().mapToLong(Long::longValue).max().orElse(1);
        Map<Long, String> rows = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
            String line;
            for (long number = 1; number <= last && (line = reader.readLine()) != null; number++) {
                if (lines.contains(number)) {
                    rows.put(number, number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line);
                }
            }
        }
        return rows;
    }

    private static boolean isUtf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            char[] buffer = new char[65_536];
            while (reader.read(buffer) >= 0) {
                // decoding the whole file is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Map<Long, String> xlsx(Path file, Set<Long> lines) throws IOException {
        Map<Long, String> rows = new TreeMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<Row> stream = sheet.openStream()) {
                stream.filter(row -> lines.contains((long) row.getRowNum())).forEach(row -> rows.put((long) row.getRowNum(),
                        row.stream().map(cell -> cell == null ? "" : cell.getRawValue() == null ? "" : cell.getRawValue())
                                .collect(Collectors.joining(";"))));
            }
        }
        return rows;
    }
}

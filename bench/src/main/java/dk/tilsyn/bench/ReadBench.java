package dk.tilsyn.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dk.tilsyn.engine.io.Column;
import dk.tilsyn.engine.io.TableSchema;
import dk.tilsyn.engine.io.TabularReader;
import dk.tilsyn.engine.io.TabularSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reading speed of the engine's input layer against the bare CSV library on the same files: FastCSV tokenizing
 * alone is the floor; the engine adds sniffing, encoding detection, SHA-256, header mapping and per-row access to
 * every column. Prints rows/s for both and the ratio.
 */
public final class ReadBench {

    private static final List<String> EXTRACT_COLUMNS = List.of("account", "person_id", "username", "email", "name",
            "account_type", "status", "entitlement", "entitlement_type", "amount_limit", "valid_from", "valid_to",
            "assigned_by", "assigned_at");

    private ReadBench() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "bench/target/large").resolve("extracts");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().toList();
        }
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            long tokenized = tokenize(files);
            long t1 = System.nanoTime();
            long read = readWithEngine(files);
            long t2 = System.nanoTime();
            double tokenizeSeconds = (t1 - t0) / 1e9;
            double engineSeconds = (t2 - t1) / 1e9;
            System.out.printf("round %d: FastCSV tokenize %,d rows in %.2f s (%,.0f rows/s) | engine read %,d rows in %.2f s"
                            + " (%,.0f rows/s) | ratio %.2f%n", round, tokenized, tokenizeSeconds, tokenized / tokenizeSeconds,
                    read, engineSeconds, read / engineSeconds, engineSeconds / tokenizeSeconds);
        }
    }

    static long tokenize(List<Path> files) throws IOException {
        long rows = 0;
        long fieldChars = 0;
        for (Path file : files) {
            try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(';').ofCsvRecord(file, StandardCharsets.UTF_8)) {
                for (CsvRecord record : csv) {
                    fieldChars += record.getField(0).length();
                    rows++;
                }
            }
            rows--; // header
        }
        return fieldChars == 0 ? -1 : rows;
    }

    static long readWithEngine(List<Path> files) {
        List<Column> columns = EXTRACT_COLUMNS.stream()
                .map(name -> "account".equals(name) ? Column.required(name) : Column.optional(name)).toList();
        TableSchema schema = new TableSchema(columns, true);
        TabularReader reader = new TabularReader();
        long rows = 0;
        for (Path file : files) {
            long[] touched = {0};
            rows += reader.read(TabularSource.of(file), schema, row -> {
                for (Column column : columns) {
                    String value = row.text(column);
                    if (value != null) {
                        touched[0] += value.length();
                    }
                }
            }).rows();
        }
        return rows;
    }
}

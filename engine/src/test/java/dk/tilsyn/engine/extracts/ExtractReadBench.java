package dk.tilsyn.engine.extracts;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Not a test: a plain harness that writes an extract of about a million rows and compares reading it with
 * {@link ExtractReader} against FastCSV merely tokenizing it. Numbers are printed, never asserted.
 * Run: {@code java -cp <test classpath> dk.tilsyn.engine.extracts.ExtractReadBench [rows]}.
 */
public final class ExtractReadBench {

    private ExtractReadBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("tilsyn-bench-", ".csv");
        try {
            write(file, rows);
            System.out.printf("file: %,d rows, %,d bytes%n", rows, Files.size(file));
            for (int round = 1; round <= 5; round++) {
                long raw = time(() -> tokenize(file));
                long extract = time(() -> new ExtractReader().read(file, "BENCH"));
                System.out.printf("round %d: FastCSV tokenize %,d ms (%,.0f rows/s); ExtractReader %,d ms "
                        + "(%,.0f rows/s); ratio %.2f%n", round, raw, rows * 1000.0 / raw, extract,
                        rows * 1000.0 / extract, (double) extract / raw);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file, int rows) throws IOException {
        Random random = new Random(42);
        String[] roles = new String[200];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = "ROLLE_" + i;
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("account;person_id;username;email;name;account_type;status;entitlement;entitlement_type;"
                    + "amount_limit;valid_from;valid_to;assigned_by;assigned_at\n");
            int account = 0;
            for (int written = 0; written < rows; account++) {
                int perAccount = 1 + random.nextInt(24);
                for (int j = 0; j < perAccount && written < rows; j++, written++) {
                    boolean prokura = random.nextInt(10) == 0;
                    out.write("u" + account + ";P" + account + ";u" + account + ";u" + account + "@kommune.dk;Navn "
                            + account + ";personal;active;" + roles[random.nextInt(roles.length)] + ";"
                            + (prokura ? "prokura;50.000,00" : "role;") + ";01-01-2024;;admin" + random.nextInt(20)
                            + ";2024-01-0" + (1 + random.nextInt(9)) + "\n");
                }
            }
        }
    }

    private static long tokenize(Path file) {
        long fields = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(';').ofCsvRecord(in)) {
            for (CsvRecord record : csv) {
                fields += record.getFieldCount();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return fields;
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}

package dk.tilsyn.engine.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Reads a CSV or XLSX table row by row, whatever its encoding and delimiter, and hands each data
 * row to a {@link RowHandler}. The file is streamed: memory use does not grow with the number of
 * rows. Any problem rejects the whole file with an {@link InvalidInputException} listing all of
 * them (up to {@link ReadLimits#maxProblems()}), after the handler has seen every row.
 *
 * <p>Thread-safe: holds only its limits.
 */
public final class TabularReader {

    private final ReadLimits limits;
    private final LongConsumer rowsRead;

    public TabularReader(ReadLimits limits) {
        this(limits, null);
    }

    /**
     * A reader that reports progress: {@code rowsRead} gets the number of data rows handled so far, now and then
     * while reading and once at the end (see {@link RowProgress}); null for none.
     */
    public TabularReader(ReadLimits limits, LongConsumer rowsRead) {
        this.limits = limits;
        this.rowsRead = rowsRead;
    }

    public TabularReader() {
        this(ReadLimits.defaults());
    }

    /**
     * Reads the table and returns the file's facts.
     *
     * @throws InvalidInputException when anything in the file is wrong; nothing the handler built
     *                               should then be used
     * @throws UncheckedIOException  when the file cannot be read at all (not the user's fault)
     */
    public FileFacts read(TabularSource source, TableSchema schema, RowHandler handler) {
        ProblemCollector problems = new ProblemCollector(source.name(), limits.maxProblems());
        RowHandler counted = RowProgress.around(handler, rowsRead);
        RowAssembler assembler = new RowAssembler(source.name(), schema, limits.maxRows(), problems, counted);
        try {
            if (source.path() != null) {
                checkSize(source.path(), source.name(), problems);
            }
            try (InputStream raw = source.path() != null ? Files.newInputStream(source.path()) : null) {
                InputStream bytes = raw != null ? raw : source.stream();
                FactsInputStream facts = new FactsInputStream(bytes, source.name(), limits.maxBytes());
                byte[] prefix = facts.readNBytes(FormatSniffer.PREFIX_BYTES);
                boolean complete = prefix.length < FormatSniffer.PREFIX_BYTES;
                Sniffed sniffed = FormatSniffer.sniff(prefix, complete, source.name(), problems);
                if (sniffed.format() == Sniffed.Format.XLSX) {
                    readXlsx(source, prefix, facts, assembler, problems);
                } else {
                    readCsv(source.name(), sniffed, prefix, facts, assembler, problems);
                }
                assembler.finish();
                if (counted instanceof RowProgress progress) {
                    progress.finish();
                }
                problems.throwIfAny();
                return new FileFacts(source.name(), facts.sha256(), facts.count(), assembler.rows());
            }
        } catch (RejectedInputException e) {
            throw problems.fatal(e.problem());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source.name(), e);
        }
    }

    private void checkSize(Path path, String name, ProblemCollector problems) throws IOException {
        long size = Files.size(path);
        if (size > limits.maxBytes()) {
            throw problems.fatal(Problems.tooManyBytes(name, limits.maxBytes()));
        }
    }

    private static void readCsv(String name, Sniffed sniffed, byte[] prefix, FactsInputStream facts,
            RowAssembler assembler, ProblemCollector problems) throws IOException {
        if (sniffed.headerLine().isBlank()) {
            throw problems.fatal(Problems.missingHeader(Location.ofLine(name, 1)));
        }
        char delimiter = DelimiterDetector.detect(sniffed.headerLine(), name, problems);
        InputStream body = new SequenceInputStream(
                new ByteArrayInputStream(prefix, sniffed.bomLength(), prefix.length - sniffed.bomLength()), facts);
        TextDecodingReader text = new TextDecodingReader(body, name, sniffed.bomLength() > 0);
        CsvTableReader.read(text, delimiter, name, assembler, problems);
        facts.drain();
    }

    /**
     * fastexcel and the zip checks need random access, so the XLSX is read from its file; an
     * uploaded stream is first copied to a temporary file (bounded by the size limit).
     */
    private void readXlsx(TabularSource source, byte[] prefix, FactsInputStream facts, RowAssembler assembler,
            ProblemCollector problems) throws IOException {
        if (source.path() != null) {
            facts.drain();
            readXlsxFile(source.path(), source, assembler, problems);
            return;
        }
        Path copy = Files.createTempFile("tilsyn-upload-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(copy)) {
                out.write(prefix);
                facts.transferTo(out);
            }
            readXlsxFile(copy, source, assembler, problems);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private void readXlsxFile(Path file, TabularSource source, RowAssembler assembler, ProblemCollector problems) {
        ZipGuard.check(file, source.name(), limits, problems);
        XlsxTableReader.read(file, source.name(), source.sheet(), assembler, problems);
    }
}

package dk.tilsyn.engine.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/** Streams CSV records through FastCSV into a {@link RowAssembler}. */
final class CsvTableReader {

    private CsvTableReader() {
    }

    static void read(Reader text, char delimiter, String file, RowAssembler assembler, ProblemCollector problems)
            throws IOException {
        CsvRowView view = new CsvRowView(file);
        long lastLine = 1;
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(delimiter)
                .skipEmptyLines(true)
                .allowUnclosedQuote(false)
                // Field counts are checked here, so the message can name the line and both counts.
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(text)) {
            for (CsvRecord record : csv) {
                view.record = record;
                lastLine = record.getStartingLineNumber();
                if (!assembler.hasHeader()) {
                    assembler.header(view);
                } else if (!RowAssembler.isBlank(view)) {
                    assembler.count(view);
                    if (widthMatches(view, assembler, problems)) {
                        assembler.data(view);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof RejectedInputException rejected) {
                throw problems.fatal(rejected.problem());
            }
            throw e.getCause();
        } catch (CsvParseException e) {
            String detail = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            throw problems.fatal(Problems.invalidCsv(Location.ofLine(file, lastLine), detail));
        }
    }

    /** Fewer fields than the header, or extra non-empty ones, mean the row cannot be mapped safely. */
    private static boolean widthMatches(CsvRowView row, RowAssembler assembler, ProblemCollector problems) {
        int expected = assembler.headerWidth();
        int found = row.size();
        boolean extrasEmpty = true;
        for (int i = expected; i < found && extrasEmpty; i++) {
            extrasEmpty = row.cell(i).isBlank();
        }
        if (found < expected || !extrasEmpty) {
            problems.add(Problems.fieldCount(Location.ofLine(row.file, row.line()), found, expected));
            return false;
        }
        return true;
    }

    /** Presents a FastCSV record as a {@link RawRow} without copying its fields. */
    private static final class CsvRowView implements RawRow {

        private final String file;
        private CsvRecord record;

        CsvRowView(String file) {
            this.file = file;
        }

        @Override
        public long line() {
            return record.getStartingLineNumber();
        }

        @Override
        public int size() {
            return record.getFieldCount();
        }

        @Override
        public String cell(int position) {
            return position < record.getFieldCount() ? record.getField(position) : "";
        }

        @Override
        public Location locate(int position, String columnName) {
            return new Location(file, line(), columnName, null, null);
        }
    }
}

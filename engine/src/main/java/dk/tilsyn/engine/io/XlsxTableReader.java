package dk.tilsyn.engine.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams one sheet of an already {@link ZipGuard}-checked XLSX file through fastexcel into a
 * {@link RowAssembler}. Formula cells are refused, never evaluated: their cached value may be
 * stale and a formula is not data the user can vouch for.
 */
final class XlsxTableReader {

    /** Cell formats are needed to recognise date cells; parse errors become error cells, not exceptions. */
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, true);

    private XlsxTableReader() {
    }

    static void read(Path xlsx, String file, String sheetName, RowAssembler assembler, ProblemCollector problems) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile(), OPTIONS)) {
            Sheet sheet = pick(workbook, file, sheetName, problems);
            XlsxRowView view = new XlsxRowView(file, sheet.getName());
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> iterator = rows.iterator();
                while (iterator.hasNext()) {
                    Row row = iterator.next();
                    view.load(row, assembler, problems);
                    if (RowAssembler.isBlank(view) && !view.rejected) {
                        continue;
                    }
                    if (!assembler.hasHeader()) {
                        problems.throwIfAny();
                        assembler.header(view);
                    } else {
                        assembler.count(view);
                        if (!view.rejected) {
                            assembler.data(view);
                        }
                    }
                }
            }
        } catch (IOException | ExcelReaderException | IllegalStateException | NumberFormatException e) {
            throw problems.fatal(Problems.invalidXlsx(file, String.valueOf(e.getMessage())));
        }
    }

    private static Sheet pick(ReadableWorkbook workbook, String file, String sheetName, ProblemCollector problems) {
        if (sheetName == null) {
            return workbook.getFirstSheet();
        }
        return workbook.findSheet(sheetName).orElseThrow(() -> {
            List<String> names = workbook.getSheets().map(Sheet::getName).toList();
            return problems.fatal(Problems.missingSheet(file, sheetName, names));
        });
    }

    /** Holds one sheet row rendered to text; the array is reused when wide enough. */
    private static final class XlsxRowView implements RawRow {

        private final String file;
        private final String sheet;
        private String[] cells = new String[16];
        private int size;
        private long line;
        private boolean rejected;

        XlsxRowView(String file, String sheet) {
            this.file = file;
            this.sheet = sheet;
        }

        void load(Row row, RowAssembler assembler, ProblemCollector problems) {
            line = row.getRowNum();
            rejected = false;
            size = row.getCellCount();
            if (cells.length < size) {
                cells = new String[size];
            }
            for (int i = 0; i < size; i++) {
                Cell cell = row.getCell(i);
                cells[i] = "";
                if (cell != null && cell.getType() == CellType.FORMULA) {
                    problems.add(Problems.formulaCell(locate(i, assembler.columnName(i)), cell.getFormula()));
                    rejected = true;
                } else if (cell != null && cell.getType() == CellType.ERROR) {
                    problems.add(Problems.errorCell(locate(i, assembler.columnName(i)), cell.getRawValue()));
                    rejected = true;
                } else {
                    cells[i] = ExcelCells.text(cell);
                }
            }
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String cell(int position) {
            return position < size ? cells[position] : "";
        }

        @Override
        public Location locate(int position, String columnName) {
            String reference = new CellAddress((int) line - 1, position).toString();
            return new Location(file, line, columnName, sheet, reference);
        }
    }
}

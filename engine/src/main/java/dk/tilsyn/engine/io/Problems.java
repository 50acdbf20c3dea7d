package dk.tilsyn.engine.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that words problems in Danish, so every message follows the same pattern:
 * where, what was found, what was expected.
 */
public final class Problems {

    static final String DATE_FORMATS = "åååå-mm-dd, dd-mm-åååå eller dd.mm.åååå";

    private Problems() {
    }

    public static ImportProblem of(Location at, String value, ProblemCode code, List<String> args, String text) {
        return new ImportProblem(at.file(), at.line(), at.column(), value, code.code(), args,
                at.describe() + ": " + text);
    }

    public static ImportProblem invalidDate(Location at, String value) {
        return of(at, value, ProblemCode.INVALID_DATE, List.of(),
                quote(value) + " er ikke en gyldig dato (forventet " + DATE_FORMATS + ").");
    }

    public static ImportProblem invalidAmount(Location at, String value) {
        return of(at, value, ProblemCode.INVALID_AMOUNT, List.of(), quote(value)
                + " er ikke et gyldigt beløb (forventet fx 50000, 50.000, 50.000,00, 50000,5 eller 50000.00).");
    }

    public static ImportProblem requiredValue(Location at) {
        return of(at, "", ProblemCode.REQUIRED_VALUE, List.of(), "feltet er tomt, men skal udfyldes.");
    }

    public static ImportProblem duplicateValue(Location at, String value, long firstLine) {
        return of(at, value, ProblemCode.DUPLICATE_VALUE, List.of(Long.toString(firstLine)),
                quote(value) + " findes allerede i linje " + firstLine + " (værdien skal være unik).");
    }

    public static ImportProblem emptyFile(String file) {
        return of(Location.ofFile(file), null, ProblemCode.EMPTY_FILE, List.of(), "filen er tom (0 bytes).");
    }

    public static ImportProblem noRows(String file) {
        return of(Location.ofFile(file), null, ProblemCode.NO_ROWS, List.of(),
                "filen har en overskrift, men ingen datarækker.");
    }

    public static ImportProblem binaryFile(String file, String kind) {
        return of(Location.ofFile(file), null, ProblemCode.BINARY_FILE, List.of(kind),
                "filen er ikke en CSV-tekstfil eller et XLSX-regneark (den ligner " + kind
                        + "); gem den som CSV (UTF-8) eller XLSX.");
    }

    public static ImportProblem unsupportedEncoding(String file, String encoding) {
        return of(Location.ofFile(file), null, ProblemCode.UNSUPPORTED_ENCODING, List.of(encoding),
                "filen er gemt i tegnkodningen " + encoding
                        + ", som ikke understøttes; gem den som CSV UTF-8 (eller Windows-1252) eller som XLSX.");
    }

    public static ImportProblem mixedEncoding(String file, long line) {
        return of(Location.ofLine(file, line), null, ProblemCode.MIXED_ENCODING, List.of(),
                "filen blander UTF-8 med en anden tegnkodning; gem hele filen som CSV UTF-8.");
    }

    public static ImportProblem delimiter(String file, String headerLine) {
        return of(Location.ofLine(file, 1), headerLine, ProblemCode.DELIMITER, List.of(),
                "kan ikke afgøre skilletegnet ud fra overskriften " + quote(abbreviate(headerLine))
                        + " (forventet semikolon, komma eller tabulator mellem kolonnenavnene).");
    }

    public static ImportProblem missingHeader(Location at) {
        return of(at, "", ProblemCode.MISSING_HEADER, List.of(),
                "første linje er tom; den skal indeholde kolonnernes navne.");
    }

    public static ImportProblem missingColumns(Location at, List<String> missing, List<String> found) {
        String missingText = quoteAll(missing);
        String foundText = found.isEmpty() ? "ingen" : quoteAll(found);
        String noun = missing.size() == 1 ? "den påkrævede kolonne " : "de påkrævede kolonner ";
        return of(at, null, ProblemCode.MISSING_COLUMN, List.of(String.join(",", missing), String.join(",", found)),
                "overskriften mangler " + noun + missingText + ". Fundne kolonner: " + foundText + ".");
    }

    public static ImportProblem duplicateColumn(Location at, String name, int firstPosition, int position) {
        return of(at, name, ProblemCode.DUPLICATE_COLUMN,
                List.of(Integer.toString(firstPosition), Integer.toString(position)),
                "kolonnen " + quote(name) + " står flere gange i overskriften (kolonne " + firstPosition + " og "
                        + position + ").");
    }

    public static ImportProblem fieldCount(Location at, int found, int expected) {
        return of(at, null, ProblemCode.FIELD_COUNT, List.of(Integer.toString(found), Integer.toString(expected)),
                "rækken har " + found + " felter, men overskriften har " + expected + ".");
    }

    public static ImportProblem invalidCsv(Location at, String detail) {
        return of(at, null, ProblemCode.INVALID_CSV, List.of(detail),
                "filen kan ikke læses som CSV (" + detail + "); tjek at anførselstegn (\") er parret.");
    }

    public static ImportProblem invalidXlsx(String file, String detail) {
        return of(Location.ofFile(file), null, ProblemCode.INVALID_XLSX, List.of(detail),
                "filen kan ikke læses som XLSX-regneark (" + detail + ").");
    }

    public static ImportProblem missingSheet(String file, String sheet, List<String> sheets) {
        return of(Location.ofFile(file), sheet, ProblemCode.MISSING_SHEET, List.of(String.join(",", sheets)),
                "arket " + quote(sheet) + " findes ikke. Fundne ark: " + quoteAll(sheets) + ".");
    }

    public static ImportProblem formulaCell(Location at, String formula) {
        return of(at, "=" + formula, ProblemCode.FORMULA_CELL, List.of(),
                "cellen indeholder formlen " + quote("=" + formula)
                        + "; formler beregnes ikke – indsæt værdien i stedet (Indsæt speciel › Værdier).");
    }

    public static ImportProblem errorCell(Location at, String value) {
        return of(at, value, ProblemCode.ERROR_CELL, List.of(),
                "cellen indeholder fejlværdien " + quote(value) + "; ret cellen til en almindelig værdi.");
    }

    public static ImportProblem tooManyBytes(String file, long maxBytes) {
        return of(Location.ofFile(file), null, ProblemCode.TOO_LARGE, List.of("bytes", Long.toString(maxBytes)),
                "filen er for stor (største tilladte størrelse er " + maxBytes + " bytes).");
    }

    public static ImportProblem tooManyRows(String file, long line, long maxRows) {
        return of(Location.ofLine(file, line), null, ProblemCode.TOO_LARGE, List.of("rows", Long.toString(maxRows)),
                "filen har for mange rækker (højst " + maxRows + " datarækker er tilladt).");
    }

    public static ImportProblem xlsxTooLarge(String file, String entry, String reason) {
        return of(Location.ofFile(file), entry, ProblemCode.TOO_LARGE, List.of("xlsx", reason),
                "XLSX-filen afvises, fordi delen " + quote(entry) + " " + reason
                        + " (beskyttelse mod zip-bomber); gem data som CSV eller del filen op.");
    }

    static String quote(String value) {
        return "\"" + value + "\"";
    }

    private static String quoteAll(List<String> values) {
        return values.stream().map(Problems::quote).collect(Collectors.joining(", "));
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}

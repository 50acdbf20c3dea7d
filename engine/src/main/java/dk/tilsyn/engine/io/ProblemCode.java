package dk.tilsyn.engine.io;

/** The stable codes of {@link ImportProblem#code()}; the web app keys its translations on these. */
public enum ProblemCode {
    EMPTY_FILE("empty-file"),
    NO_ROWS("no-rows"),
    BINARY_FILE("binary-file"),
    UNSUPPORTED_ENCODING("unsupported-encoding"),
    MIXED_ENCODING("mixed-encoding"),
    DELIMITER("delimiter"),
    MISSING_HEADER("missing-header"),
    MISSING_COLUMN("missing-column"),
    DUPLICATE_COLUMN("duplicate-column"),
    FIELD_COUNT("field-count"),
    INVALID_CSV("invalid-csv"),
    INVALID_XLSX("invalid-xlsx"),
    MISSING_SHEET("missing-sheet"),
    FORMULA_CELL("formula-cell"),
    ERROR_CELL("error-cell"),
    TOO_LARGE("too-large"),
    REQUIRED_VALUE("required-value"),
    DUPLICATE_VALUE("duplicate-value"),
    INVALID_DATE("invalid-date"),
    INVALID_AMOUNT("invalid-amount"),
    /** A code outside the allowed set, e.g. an unknown {@code account_type}. */
    INVALID_CODE("invalid-code"),
    /** Two rows that describe the same thing disagree, e.g. one account with two person ids. */
    CONFLICTING_VALUE("conflicting-value");

    private final String code;

    ProblemCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

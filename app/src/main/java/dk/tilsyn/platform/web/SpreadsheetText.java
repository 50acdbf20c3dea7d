package dk.tilsyn.platform.web;

/** Text bound for a CSV or XLSX export. */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** Neutralises spreadsheet formulas (CSV injection): =, +, -, @ at the start become text. */
    public static String safe(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}

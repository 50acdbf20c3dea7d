package dk.tilsyn.engine.io;

/**
 * Where in a file a problem sits, rendered the way a user finds it: a line in a CSV file, a
 * cell on a named sheet in an XLSX file.
 *
 * @param file   display name of the file
 * @param line   physical line or row number; 0 for the whole file
 * @param column header name, or null
 * @param sheet  sheet name for XLSX, or null for CSV
 * @param cell   cell reference such as {@code B7} for XLSX, or null
 */
public record Location(String file, long line, String column, String sheet, String cell) {

    public static Location ofFile(String file) {
        return new Location(file, 0, null, null, null);
    }

    public static Location ofLine(String file, long line) {
        return new Location(file, line, null, null, null);
    }

    public Location withColumn(String columnName, String cellReference) {
        return new Location(file, line, columnName, sheet, cellReference);
    }

    /** Danish description, e.g. {@code persons.csv linje 14, kolonne "employment_end"}. */
    public String describe() {
        StringBuilder text = new StringBuilder(file);
        if (sheet != null && cell != null) {
            text.append(" ark \"").append(sheet).append("\" celle ").append(cell);
        } else if (sheet != null && line > 0) {
            text.append(" ark \"").append(sheet).append("\" række ").append(line);
        } else if (line > 0) {
            text.append(" linje ").append(line);
        }
        if (column != null) {
            text.append(", kolonne \"").append(column).append('"');
        }
        return text.toString();
    }
}

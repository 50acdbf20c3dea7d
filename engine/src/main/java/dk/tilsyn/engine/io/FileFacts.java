package dk.tilsyn.engine.io;

/**
 * What we can prove about a file we read: evidence records store these so a later reader can
 * check that the file at hand is the one that was analysed.
 *
 * @param name   display name of the file
 * @param sha256 lowercase hex SHA-256 of the raw bytes
 * @param size   size in bytes
 * @param rows   number of data rows (header and blank rows not counted)
 */
public record FileFacts(String name, String sha256, long size, long rows) {
}

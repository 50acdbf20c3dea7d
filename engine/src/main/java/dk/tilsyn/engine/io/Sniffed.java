package dk.tilsyn.engine.io;

/**
 * What the first bytes of a file say it is.
 *
 * @param format     CSV or XLSX
 * @param bomLength  bytes of UTF-8 byte-order mark to skip (CSV only)
 * @param headerLine the decoded first line (CSV only), without line break
 */
record Sniffed(Format format, int bomLength, String headerLine) {

    enum Format { CSV, XLSX }
}

package dk.tilsyn.engine.io;

/**
 * Bounds that keep a hostile or accidental file from exhausting memory or time.
 *
 * @param maxBytes                 largest accepted file (raw bytes)
 * @param maxRows                  most data rows accepted
 * @param maxProblems              problems kept in full; further ones are only counted
 * @param maxXlsxUncompressedBytes most bytes an XLSX may inflate to, all entries together
 * @param maxXlsxCompressionRatio  highest accepted uncompressed/compressed ratio of a large XLSX entry
 */
public record ReadLimits(
        long maxBytes, long maxRows, int maxProblems, long maxXlsxUncompressedBytes, int maxXlsxCompressionRatio) {

    private static final long MIB = 1024L * 1024L;

    public ReadLimits {
        if (maxBytes <= 0 || maxRows <= 0 || maxProblems <= 0 || maxXlsxUncompressedBytes <= 0
                || maxXlsxCompressionRatio <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Sized for large access extracts: 2 GiB raw CSV streams fine; XLSX is capped lower because
     * fastexcel keeps the shared-strings table in memory.
     */
    public static ReadLimits defaults() {
        return new ReadLimits(2048 * MIB, 10_000_000, 100, 512 * MIB, 200);
    }

    public ReadLimits withMaxBytes(long value) {
        return new ReadLimits(value, maxRows, maxProblems, maxXlsxUncompressedBytes, maxXlsxCompressionRatio);
    }

    public ReadLimits withMaxRows(long value) {
        return new ReadLimits(maxBytes, value, maxProblems, maxXlsxUncompressedBytes, maxXlsxCompressionRatio);
    }

    public ReadLimits withMaxProblems(int value) {
        return new ReadLimits(maxBytes, maxRows, value, maxXlsxUncompressedBytes, maxXlsxCompressionRatio);
    }

    public ReadLimits withMaxXlsxUncompressedBytes(long value) {
        return new ReadLimits(maxBytes, maxRows, maxProblems, value, maxXlsxCompressionRatio);
    }

    public ReadLimits withMaxXlsxCompressionRatio(int value) {
        return new ReadLimits(maxBytes, maxRows, maxProblems, maxXlsxUncompressedBytes, value);
    }
}

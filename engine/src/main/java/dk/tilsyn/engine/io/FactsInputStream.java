package dk.tilsyn.engine.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes and counts the raw bytes as they stream past, and stops at the size limit, so the file
 * facts cost no second pass and an endless upload cannot fill the disk or memory.
 */
final class FactsInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private final long maxBytes;
    private final String file;
    private long count;
    private boolean endSeen;

    FactsInputStream(InputStream in, String file, long maxBytes) {
        super(in);
        this.file = file;
        this.maxBytes = maxBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (endSeen) {
            return -1;
        }
        int n = super.read(buffer, offset, length);
        endSeen = n < 0;
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                throw new RejectedInputException(Problems.tooManyBytes(file, maxBytes));
            }
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must still be hashed.
        byte[] sink = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * Reads what the consumer left unread, so hash and size cover the whole file. Safe after the
     * end was reached even if a wrapper (SequenceInputStream) has closed us since.
     */
    void drain() throws IOException {
        byte[] sink = new byte[8192];
        while (read(sink, 0, sink.length) >= 0) {
            // only hashing and counting
        }
    }

    long count() {
        return count;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}

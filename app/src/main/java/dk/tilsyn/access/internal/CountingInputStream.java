package dk.tilsyn.access.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it — an upload's progress — and fails once more than {@code maxBytes} have come, so a
 * body without a declared length cannot grow past the limit. Read from one thread; {@link #count()} may be read from
 * that thread only.
 */
final class CountingInputStream extends FilterInputStream {

    private final long maxBytes;
    private long count;

    CountingInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    private void counted(long n) throws TooLargeException {
        count += n;
        if (count > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
    }

    /** The body went past the limit; what was received is thrown away by the caller. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long maxBytes) {
            super("Upload larger than " + maxBytes + " bytes");
        }
    }
}

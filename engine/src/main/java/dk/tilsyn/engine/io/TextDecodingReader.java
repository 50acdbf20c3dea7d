package dk.tilsyn.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes CSV bytes as UTF-8, or as Windows-1252 when they are not UTF-8, deciding while it
 * streams.
 *
 * <p>Both encodings agree on ASCII, so the decision can wait for the first byte above 0x7F: if it
 * starts valid UTF-8 the file is UTF-8, and a later invalid sequence is a mixed-encoding error;
 * if it is invalid UTF-8 while everything before was ASCII, the rest is decoded as Windows-1252
 * and nothing already decoded changes. One pass, no whole-file pre-scan, no guessing from a
 * prefix that may end before the first æ.
 */
final class TextDecodingReader extends Reader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private final String file;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private CharsetDecoder decoder = strictUtf8();
    private boolean decided;
    private boolean endOfInput;
    private long newlines;

    /**
     * @param declaredUtf8 true after a UTF-8 byte-order mark: the file said what it is, so no
     *                     fallback
     */
    TextDecodingReader(InputStream in, String file, boolean declaredUtf8) {
        this.in = in;
        this.file = file;
        this.decided = declaredUtf8;
    }

    /** The encoding in use: UTF-8 until a non-UTF-8 byte has been seen. */
    Charset charset() {
        return decoder.charset();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            CharBuffer out = CharBuffer.wrap(target, offset, length);
            int consumedFrom = bytes.position();
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int produced = out.position() - offset;
            inspect(bytes.array(), consumedFrom, bytes.position());
            if (result.isError()) {
                if (decided) {
                    throw new RejectedInputException(Problems.mixedEncoding(file, newlines + 1));
                }
                decoder = WINDOWS_1252.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
                decided = true;
            }
            if (produced > 0) {
                return produced;
            }
            if (result.isUnderflow() && !result.isError()) {
                if (endOfInput) {
                    decoder.flush(out);
                    int flushed = out.position() - offset;
                    return flushed > 0 ? flushed : -1;
                }
                refill();
            }
        }
    }

    /**
     * Counts the line breaks in the bytes just decoded (for the line of a later encoding error) and notes the first
     * non-ASCII character. Works on the bytes, eight at a time: a line break is the byte 0x0A in both encodings and
     * never part of a UTF-8 sequence, and a byte above 0x7F decoded without error is a non-ASCII character. A
     * loop over every decoded char took about 6 % of reading an extract.
     */
    private void inspect(byte[] array, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(array, i);
            if ((word & HIGH_BITS) != 0) {
                decided = true;
            }
            newlines += Long.bitCount(zeroBytes(word ^ NEWLINES));
        }
        for (; i < to; i++) {
            if (array[i] == '\n') {
                newlines++;
            } else if (array[i] < 0) {
                decided = true;
            }
        }
    }

    /** The high bit of each byte of the result is set exactly where the byte of {@code word} is zero. */
    private static long zeroBytes(long word) {
        long lowSevenNonZero = (word & LOW_BITS) + LOW_BITS;
        return ~(lowSevenNonZero | word | LOW_BITS);
    }

    private void refill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** Leaves the byte stream open: its owner still drains it to finish hashing the file. */
    @Override
    public void close() {
        // the owner of the byte stream closes it
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}

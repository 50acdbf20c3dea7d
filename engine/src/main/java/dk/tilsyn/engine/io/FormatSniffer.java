package dk.tilsyn.engine.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decides from a bounded prefix whether a file is XLSX, CSV text, or something we refuse, so
 * nothing is parsed before we know which parser is safe to use.
 */
final class FormatSniffer {

    /** Enough for any real header line and a fair sample for the binary check. */
    static final int PREFIX_BYTES = 64 * 1024;

    private FormatSniffer() {
    }

    /**
     * @param prefix   the first bytes of the file (fewer than {@link #PREFIX_BYTES} only when the
     *                 file is that short)
     * @param complete whether the prefix is the whole file
     */
    static Sniffed sniff(byte[] prefix, boolean complete, String file, ProblemCollector problems) {
        if (prefix.length == 0) {
            throw problems.fatal(Problems.emptyFile(file));
        }
        if (startsWith(prefix, 'P', 'K', 3, 4)) {
            return new Sniffed(Sniffed.Format.XLSX, 0, null);
        }
        String encoding = unsupportedEncoding(prefix);
        if (encoding != null) {
            throw problems.fatal(Problems.unsupportedEncoding(file, encoding));
        }
        String binaryKind = binaryKind(prefix);
        if (binaryKind != null) {
            throw problems.fatal(Problems.binaryFile(file, binaryKind));
        }
        int bom = startsWith(prefix, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String text = decodePrefix(prefix, bom);
        return new Sniffed(Sniffed.Format.CSV, bom, headerLine(text, complete, file, problems));
    }

    private static String unsupportedEncoding(byte[] b) {
        if (startsWith(b, 0xFF, 0xFE, 0, 0) || startsWith(b, 0, 0, 0xFE, 0xFF)) {
            return "UTF-32";
        }
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
            return "UTF-16";
        }
        // UTF-16 without a byte-order mark: ASCII text with a NUL in every other byte.
        int zerosEven = 0;
        int zerosOdd = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            }
        }
        int half = b.length / 2;
        boolean utf16 = half >= 2 && (zerosEven >= half * 0.9 && zerosOdd == 0 || zerosOdd >= half * 0.9 && zerosEven == 0);
        return utf16 ? "UTF-16" : null;
    }

    private static String binaryKind(byte[] b) {
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "en PDF-fil";
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "et PNG-billede";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "et GIF-billede";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "et JPEG-billede";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "et gammelt Excel-/Office-dokument (.xls/.doc); gem som .xlsx";
        }
        if (startsWith(b, 'P', 'K')) {
            return "en ZIP-fil";
        }
        int controls = 0;
        for (byte x : b) {
            if (x == 0) {
                return "en binær fil";
            }
            if ((x & 0xFF) < 0x20 && x != '\t' && x != '\n' && x != '\r' && x != '\f') {
                controls++;
            }
        }
        // Text has almost none; a few stray ones are tolerated because real exports contain them.
        return controls > Math.max(8, b.length / 100) ? "en binær fil" : null;
    }

    /** UTF-8 when the prefix is valid UTF-8 (a sequence cut at the end is fine), else Windows-1252. */
    private static String decodePrefix(byte[] prefix, int bom) {
        byte[] body = Arrays.copyOfRange(prefix, bom, prefix.length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, completeUtf8Length(body)))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(body, Charset.forName("windows-1252"));
        }
    }

    private static int completeUtf8Length(byte[] body) {
        int end = body.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (body[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (body[end - back - 1] & 0xC0) == 0xC0) {
            return end - back - 1;
        }
        return end;
    }

    /** The first record's text up to its line break, honouring quotes (a header may contain one). */
    private static String headerLine(String text, boolean complete, String file, ProblemCollector problems) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                return text.substring(0, i);
            }
        }
        if (!complete) {
            throw problems.fatal(Problems.delimiter(file, text.substring(0, Math.min(text.length(), 200))));
        }
        return text;
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}

package dk.tilsyn.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What a response says, as text a test can search: HTML unescaped, spreadsheets (ZIP) unpacked part by part. */
public final class ResponseText {

    private ResponseText() {
    }

    /** The body as text; an XLSX (or any ZIP) becomes the concatenated text of all its parts (sheet XML, shared strings). */
    public static String of(byte[] body) {
        if (body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4) {
            return unzipped(body);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Undoes Thymeleaf's escaping of the characters Danish messages use ({@code "} around column names, {@code &}). */
    public static String unescapeHtml(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String unzipped(byte[] body) {
        // ZipFile reads the central directory: streamed writers (FastExcel) leave sizes out of the local headers.
        StringBuilder text = new StringBuilder();
        try {
            Path file = Files.createTempFile("tilsyn-response", ".zip");
            try {
                Files.write(file, body);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        text.append("\n--- ").append(entry.getName()).append(" ---\n")
                                .append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A body starting like a ZIP could not be unpacked", e);
        }
        return text.toString();
    }
}

package dk.tilsyn.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an XLSX container before fastexcel opens it, so a zip bomb is refused without inflating
 * more than the limit.
 *
 * <p>First the declared sizes and ratios in the central directory (cheap, catches honest bombs),
 * then every entry is inflated into nothing while counting, stopping at the limit (catches entries
 * whose declared size lies). Duplicate entry names are refused because two zip readers may pick
 * different ones.
 */
final class ZipGuard {

    private static final int MAX_ENTRIES = 10_000;
    /** Small entries compress extremely well legitimately; the ratio only matters for big ones. */
    private static final long RATIO_THRESHOLD_BYTES = 1024L * 1024L;

    private ZipGuard() {
    }

    static void check(Path xlsx, String file, ReadLimits limits, ProblemCollector problems) {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            checkDeclared(zip, file, limits, problems);
            checkActual(zip, file, limits, problems);
        } catch (ZipException e) {
            throw problems.fatal(Problems.binaryFile(file, "en beskadiget ZIP-fil"));
        } catch (IOException e) {
            throw problems.fatal(Problems.invalidXlsx(file, e.getMessage()));
        }
    }

    private static void checkDeclared(ZipFile zip, String file, ReadLimits limits, ProblemCollector problems) {
        Set<String> names = new HashSet<>();
        long total = 0;
        boolean workbook = false;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (names.size() >= MAX_ENTRIES) {
                throw problems.fatal(Problems.xlsxTooLarge(file, entry.getName(), "er én del for mange"));
            }
            if (!names.add(entry.getName())) {
                throw problems.fatal(Problems.invalidXlsx(file, "delen " + entry.getName() + " findes to gange"));
            }
            workbook |= entry.getName().equals("xl/workbook.xml");
            long size = Math.max(entry.getSize(), 0);
            total += size;
            if (total > limits.maxXlsxUncompressedBytes()) {
                throw problems.fatal(Problems.xlsxTooLarge(file, entry.getName(),
                        "pakker ud til mere end " + limits.maxXlsxUncompressedBytes() + " bytes"));
            }
            long compressed = Math.max(entry.getCompressedSize(), 1);
            if (size > RATIO_THRESHOLD_BYTES && size / compressed > limits.maxXlsxCompressionRatio()) {
                throw problems.fatal(Problems.xlsxTooLarge(file, entry.getName(),
                        "er pakket mere end " + limits.maxXlsxCompressionRatio() + " gange sammen"));
            }
        }
        if (!workbook) {
            throw problems.fatal(Problems.binaryFile(file, "en ZIP-fil, der ikke er et XLSX-regneark"));
        }
    }

    private static void checkActual(ZipFile zip, String file, ReadLimits limits, ProblemCollector problems)
            throws IOException {
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            try (InputStream in = zip.getInputStream(entry)) {
                int n;
                while ((n = in.read(sink)) > 0) {
                    total += n;
                    if (total > limits.maxXlsxUncompressedBytes()) {
                        throw problems.fatal(Problems.xlsxTooLarge(file, entry.getName(),
                                "pakker ud til mere end " + limits.maxXlsxUncompressedBytes() + " bytes"));
                    }
                }
            }
        }
    }
}

package dk.tilsyn.platform.evidence;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Keeps uploaded originals in a directory, one file per distinct content, named by its SHA-256 and never changed
 * (written to a temporary file while hashed, then moved into place and made read-only). Several app instances
 * share the store by pointing {@code TILSYN_EVIDENCE_DIR} at the same shared directory.
 */
@Component
public class EvidenceStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    EvidenceStore(@Value("${tilsyn.evidence-dir}") Path root) {
        this.root = root.toAbsolutePath();
    }

    /**
     * Streams the upload to a temporary file in the store, hashing it on the way. If the stream fails (the client
     * went away, a size limit was hit), the partial file is deleted and the failure rethrown.
     */
    public Upload receive(InputStream in) {
        return receive(out -> in.transferTo(out));
    }

    /**
     * Like {@link #receive(InputStream)} for content Tilsyn writes itself (a run's reports): written straight into the
     * store while hashed, not to a temporary file first and copied.
     */
    public Upload receive(ContentWriter writer) {
        Path temporary = null;
        try {
            Files.createDirectories(root.resolve("incoming"));
            temporary = Files.createTempFile(root.resolve("incoming"), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha)) {
                writer.write(out);
            }
            return new Upload(temporary, new StoredFile(HexFormat.of().formatHex(sha.digest()), Files.size(temporary)));
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /** Writes content to the stream it is given. */
    @FunctionalInterface
    public interface ContentWriter {
        void write(OutputStream out) throws IOException;
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the original failure matters more; a leftover .part file holds nothing that was accepted
        }
    }

    /** Keeps content Tilsyn made itself (a persons snapshot, a rule-set layer): received and kept in one step. */
    public StoredFile keep(byte[] content) {
        return keep(receive(new java.io.ByteArrayInputStream(content)));
    }

    /** Makes a received upload permanent. Identical content is stored once. */
    public StoredFile keep(Upload upload) {
        Path target = path(upload.file().sha256());
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(upload.temporary());
            } else {
                move(upload.temporary(), target);
                target.toFile().setReadOnly();
            }
            return upload.file();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops a received upload that was refused; nothing of it remains. */
    public void discard(Upload upload) {
        try {
            Files.deleteIfExists(upload.temporary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes kept content for good (retention). The caller makes sure nothing refers to it any more: content is
     * shared by every upload with the same bytes, in any institution.
     */
    public void delete(String sha256) {
        Path file = path(sha256);
        try {
            file.toFile().setWritable(true);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (FileAlreadyExistsException e) {
            Files.delete(from); // another instance stored the same content meanwhile
        }
    }

    /** A file received into the store but not yet kept. */
    public record Upload(Path temporary, StoredFile file) {
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.io.ReadLimits;
import dk.tilsyn.engine.io.TabularSource;
import dk.tilsyn.engine.profiles.ProfileException;
import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.systems.ItSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives a system's file and checks it in the background: the request that brings the bytes returns as soon as
 * they are on disk, with an upload id whose progress (bytes and rows the engine has read) is kept in the database, so
 * a reload or another instance shows it. The check runs on a virtual thread of the instance that received the file;
 * at most {@code tilsyn.extracts.concurrent-checks} at a time, others wait in line. A file that passes becomes
 * pending evidence; a refused one is deleted and only the engine's problem list is kept, for the user to read.
 */
@Service
class ExtractUploads {

    private static final Logger log = LoggerFactory.getLogger(ExtractUploads.class);
    /** How often a check writes its progress: often enough for a bar that moves, rare enough to cost nothing. */
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final EvidenceStore store;
    private final EvidenceService evidence;
    private final ExtractUploadRepository uploads;
    private final TransactionTemplate transaction;
    private final long maxBytes;
    private final Semaphore checks;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Long, CompletableFuture<Void>> underway = new ConcurrentHashMap<>();

    ExtractUploads(EvidenceStore store, EvidenceService evidence, ExtractUploadRepository uploads,
                   TransactionTemplate transaction, @Value("${tilsyn.extracts.max-file-size}") DataSize maxFileSize,
                   @Value("${tilsyn.extracts.concurrent-checks}") int concurrentChecks) {
        this.store = store;
        this.evidence = evidence;
        this.uploads = uploads;
        this.transaction = transaction;
        this.maxBytes = maxFileSize.toBytes();
        this.checks = new Semaphore(Math.max(1, concurrentChecks), true);
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * Streams the body into the evidence store's incoming area and starts the check.
     *
     * @return the upload's id
     * @throws TooLarge when the body is larger than the limit; nothing of it is kept
     */
    long start(NewUpload upload, InputStream body, CurrentUser user) {
        uploads.purgeFinishedBefore(Clock.now().minusDays(1));
        EvidenceStore.Upload received;
        try {
            received = store.receive(new CountingInputStream(body, maxBytes));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CountingInputStream.TooLargeException) {
                throw new TooLarge();
            }
            throw e;
        }
        long id = uploads.insertQueued(upload, received.file().size(), user.id());
        long institution = TenantContext.institutionId();
        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> TenantContext.runAs(institution, () -> {
            check(id, upload, received, user);
            return null;
        }), executor);
        underway.put(id, work);
        work.whenComplete((ignored, error) -> underway.remove(id));
        return id;
    }

    /** The check, while it is under way in this instance (lets the form post and tests wait without polling). */
    CompletableFuture<Void> completion(long uploadId) {
        return underway.getOrDefault(uploadId, CompletableFuture.completedFuture(null));
    }

    /** Waits at most {@code patience} for the check; false when it is still under way. */
    boolean await(long uploadId, Duration patience) {
        try {
            completion(uploadId).get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true; // the check recorded its own failure
        }
    }

    private void check(long id, NewUpload upload, EvidenceStore.Upload received, CurrentUser user) {
        try {
            waitForAFreeChecker(id);
            try {
                read(id, upload, received, user);
            } finally {
                checks.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(id, received, null, e);
        } catch (RuntimeException e) {
            fail(id, received, null, e);
        }
    }

    private void waitForAFreeChecker(long id) throws InterruptedException {
        while (!checks.tryAcquire(30, TimeUnit.SECONDS)) {
            uploads.touch(id); // still alive, only waiting
        }
    }

    private void read(long id, NewUpload upload, EvidenceStore.Upload received, CurrentUser user) {
        Path file = received.temporary();
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file), Long.MAX_VALUE)) {
            // CSV is streamed through the counter (bytes read); XLSX needs random access and is read from its file.
            TabularSource source = isZip(file) ? TabularSource.of(file, upload.fileName())
                    : TabularSource.of(bytes, upload.fileName());
            Progress progress = new Progress(id, bytes);
            uploads.progress(id, "CHECKING", 0, 0);
            Preview preview = UploadCheck.read(upload.reading(), source, ReadLimits.defaults().withMaxBytes(maxBytes),
                    progress::rows);
            EvidenceService.CheckedUpload checked = new EvidenceService.CheckedUpload(upload, preview);
            transaction.executeWithoutResult(status -> {
                long evidenceId = evidence.keepChecked(checked, received, user);
                uploads.markDone(id, received.file().size(), preview.totalRows(), evidenceId);
            });
        } catch (InvalidInputException refused) {
            store.discard(received);
            transaction.executeWithoutResult(status -> uploads.markRefused(id, refused));
        } catch (ProfileException profile) {
            fail(id, received, profile.getMessage(), null);
        } catch (IOException e) {
            fail(id, received, null, e);
        }
    }

    private void fail(long id, EvidenceStore.Upload received, String message, Exception cause) {
        if (cause != null) {
            log.error("Checking upload {} failed", id, cause);
        }
        store.discard(received);
        uploads.markFailed(id, message);
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(ZIP.length), ZIP);
        }
    }

    /** Writes the rows and bytes read now and then; called by the engine on the checking thread. */
    private final class Progress {
        private final long id;
        private final CountingInputStream bytes;
        private long lastWrite = System.nanoTime();

        Progress(long id, CountingInputStream bytes) {
            this.id = id;
            this.bytes = bytes;
        }

        void rows(long rows) {
            long now = System.nanoTime();
            if (now - lastWrite >= PROGRESS_EVERY_NANOS) {
                lastWrite = now;
                uploads.progress(id, "CHECKING", bytes.count(), rows);
            }
        }
    }

    /**
     * What the user said about the file.
     *
     * @param profile the import profile chosen for it (see {@link ImportProfileChoice#forKind}), or null for the
     *                canonical columns
     */
    record NewUpload(ItSystem system, EvidenceKind kind, LocalDate asOf, String fileName, String profile) {

        UploadCheck.Reading reading() {
            return new UploadCheck.Reading(system.systemKey(), kind, profile);
        }
    }

    /** The body was larger than {@code tilsyn.extracts.max-file-size}. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("upload too large");
        }
    }
}

package dk.tilsyn.engine.io;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads several files at once, one per core, and returns the results in the order the files were given.
 *
 * <p>Reading a file is CPU-bound (decoding, CSV parsing, building values) and the files are independent, so a
 * second core nearly halves loading the 25 extracts of an analysis. The result order, and so everything computed
 * from it, does not depend on which file finished first. When files fail, the failure of the first failing file
 * in the given order is thrown, the same one reading them one after the other would throw.
 */
public final class ParallelReads {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private ParallelReads() {
    }

    /**
     * Applies {@code read} to every input, several at a time.
     *
     * @param read must be safe to call from several threads at once (the engine's readers are)
     * @return the results, in the order of {@code inputs}
     */
    public static <T, R> List<R> map(List<T> inputs, Function<? super T, ? extends R> read) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), inputs.size());
        if (threads <= 1) {
            List<R> results = new ArrayList<>(inputs.size());
            inputs.forEach(input -> results.add(read.apply(input)));
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<Future<R>> pending = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                pending.add(pool.submit(() -> read.apply(input)));
            }
            List<R> results = new ArrayList<>(inputs.size());
            for (Future<R> future : pending) {
                results.add(await(future));
            }
            return results;
        } finally {
            // After a failure the files still queued are of no use; the running ones end at their next read.
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading files", e);
        } catch (ExecutionException e) {
            // The reader's own exception (e.g. InvalidInputException with every problem of the file), unwrapped.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Daemon threads, so an abandoned read never keeps the JVM alive. */
    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "tilsyn-read-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

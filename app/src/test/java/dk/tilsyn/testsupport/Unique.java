package dk.tilsyn.testsupport;

import java.util.concurrent.atomic.AtomicLong;

/** Names no other test of the run uses, since all tests share one database. */
public final class Unique {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final AtomicLong COUNTER = new AtomicLong();

    private Unique() {
    }

    public static String name(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }
}

package dk.tilsyn.engine.io;

import java.util.function.LongConsumer;

/**
 * Reports how many data rows a read has handed on, for a caller that shows progress (a large upload being checked).
 * Called on the reading thread every {@link #EVERY} rows and once more with the final count; it must be cheap.
 */
final class RowProgress implements RowHandler {

    /** Often enough for a progress bar, rare enough to cost nothing per row. */
    static final int EVERY = 10_000;

    private final RowHandler handler;
    private final LongConsumer rowsRead;
    private long rows;

    private RowProgress(RowHandler handler, LongConsumer rowsRead) {
        this.handler = handler;
        this.rowsRead = rowsRead;
    }

    /** The handler itself when nobody listens, so the common path has no extra call. */
    static RowHandler around(RowHandler handler, LongConsumer rowsRead) {
        return rowsRead == null ? handler : new RowProgress(handler, rowsRead);
    }

    @Override
    public void row(DataRow row) {
        handler.row(row);
        if (++rows % EVERY == 0) {
            rowsRead.accept(rows);
        }
    }

    void finish() {
        rowsRead.accept(rows);
    }
}

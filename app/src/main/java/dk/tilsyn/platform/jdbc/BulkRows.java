package dk.tilsyn.platform.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Stores many rows in one table, within the caller's transaction: with {@code COPY} on PostgreSQL (the guide's bulk
 * path; an analysis run stores half a million rows), with JDBC batches elsewhere (H2). The caller adds rows to a
 * {@link Sink} and closes it; nothing is visible to others before the transaction commits, as with inserts.
 */
@Component
public class BulkRows {

    private static final int BATCH = 1_000;
    /** Bytes of CSV collected before they are handed to {@code COPY}. */
    private static final int CHUNK = 256 * 1024;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    BulkRows(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Rows of one table, added one at a time; {@link Sink#close()} stores what is left. */
    public interface Sink extends AutoCloseable {

        /** @param values one per column, in the order the sink was opened with; null for SQL NULL */
        void add(Object... values);

        @Override
        void close();
    }

    /** A sink for {@code table}'s {@code columns}; must be used and closed on the thread that opened it. */
    public Sink open(String table, String... columns) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)");
                return new CopySink(copy, columns.length, connection);
            }
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("COPY into " + table + " could not start", e);
        }
        DataSourceUtils.releaseConnection(connection, dataSource);
        return new BatchSink("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ")", columns.length);
    }

    private static void checkWidth(Object[] values, int width) {
        if (values.length != width) {
            throw new IllegalArgumentException(width + " values expected, " + values.length + " given");
        }
    }

    /** JDBC batches of {@value #BATCH} rows. */
    private final class BatchSink implements Sink {

        private final String insert;
        private final int width;
        private final List<Object[]> rows = new ArrayList<>(BATCH);

        BatchSink(String insert, int width) {
            this.insert = insert;
            this.width = width;
        }

        @Override
        public void add(Object... values) {
            checkWidth(values, width);
            rows.add(values);
            if (rows.size() == BATCH) {
                flush();
            }
        }

        @Override
        public void close() {
            flush();
        }

        private void flush() {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(insert, rows);
                rows.clear();
            }
        }
    }

    /** CSV lines streamed to PostgreSQL's {@code COPY … FROM STDIN}. */
    private final class CopySink implements Sink {

        private final CopyIn copy;
        private final int width;
        private final Connection connection;
        private final StringBuilder csv = new StringBuilder(CHUNK + 4096);

        CopySink(CopyIn copy, int width, Connection connection) {
            this.copy = copy;
            this.width = width;
            this.connection = connection;
        }

        @Override
        public void add(Object... values) {
            checkWidth(values, width);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                append(values[i]);
            }
            csv.append('\n');
            if (csv.length() >= CHUNK) {
                send();
            }
        }

        /** CSV as COPY reads it: an empty unquoted field is NULL, every text is quoted (so "" is an empty text). */
        private void append(Object value) {
            switch (value) {
                case null -> {
                }
                case Boolean b -> csv.append(b ? 't' : 'f');
                case BigDecimal d -> csv.append(d.toPlainString());
                case Number n -> csv.append(n);
                default -> {
                    String text = value.toString();
                    csv.append('"');
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            csv.append('"');
                        }
                        csv.append(c);
                    }
                    csv.append('"');
                }
            }
        }

        private void send() {
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            csv.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                cancel();
                throw new IllegalStateException("COPY failed", e);
            }
        }

        @Override
        public void close() {
            try {
                send();
                copy.endCopy();
            } catch (SQLException e) {
                cancel();
                throw new IllegalStateException("COPY failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        private void cancel() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the failure being reported matters more; the transaction is rolled back either way
            }
        }
    }
}

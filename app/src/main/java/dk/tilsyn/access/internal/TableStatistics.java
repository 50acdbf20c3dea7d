package dk.tilsyn.access.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Refreshes PostgreSQL's planner statistics after a run has written its rows. A large run adds hundreds of
 * thousands of rows at once, and until autovacuum gets round to them (minutes) the planner guesses badly and the
 * findings list scans (measured in docs/performance.md). The persons, imported
 * before the run, are analysed with it: the list's org-unit filter selects them. H2 needs nothing.
 */
@Component
class TableStatistics {

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    TableStatistics(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    void afterRun() {
        if (!postgres) {
            return;
        }
        try {
            jdbc.execute("analyze finding, run_account, run_subject, person");
        } catch (RuntimeException e) {
            // Statistics are an optimisation; a run that finished stays finished.
            log.warn("Could not refresh table statistics after a run: {}", e.getMessage());
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }
}

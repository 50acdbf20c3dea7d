package dk.tilsyn.access.internal;

import dk.tilsyn.testsupport.TestDatabase;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V15 (decision 0014): on PostgreSQL with pg_trgm, the findings list's text search and system filter
 * have trigram indexes that the list's own conditions can use; on H2 the same version is recorded and does nothing.
 */
@TilsynIntegrationTest
class FindingSearchIndexesIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void version15IsAppliedOnEveryDatabase() {
        assertThat(jdbc.sql("select count(*) from \"flyway_schema_history\" where \"version\" = '15' and \"success\"")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onPostgresTheSearchAndTheSystemFilterCanBeAnsweredFromTheIndexes() throws SQLException {
        if (!TestDatabase.isPostgres()) {
            return; // H2 has no trigram index; its V15 does nothing (checked above)
        }
        assertThat(jdbc.sql("select indexname from pg_indexes where tablename = 'finding' and indexname like '%trigram'")
                .query(String.class).list()).containsExactlyInAnyOrder("finding_search_trigram", "finding_systems_trigram");
        // The conditions RunRepository.findings writes, alone. With sequential scans priced out, the planner takes
        // an index that can answer them if there is one: only the trigram index can, and only if its expression is
        // the query's.
        assertThat(plan("select count(*) from finding f where f.search_text like '%juho%'"))
                .contains("finding_search_trigram");
        assertThat(plan("select count(*) from finding f where (', ' || f.systems || ', ') like '%, district, %'"))
                .contains("finding_systems_trigram");
    }

    private String plan(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off");
            try (ResultSet rows = statement.executeQuery("explain " + query)) {
                StringBuilder plan = new StringBuilder();
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
                return plan.toString();
            } finally {
                statement.execute("reset enable_seqscan");
            }
        }
    }
}

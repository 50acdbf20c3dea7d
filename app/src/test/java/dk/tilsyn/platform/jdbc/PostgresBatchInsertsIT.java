package dk.tilsyn.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dk.tilsyn.testsupport.TestDatabase;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's driver is told to rewrite batches of inserts into multi-row inserts; H2's connections are left as
 * configured. Either way a batch stores every row as given.
 */
@TilsynIntegrationTest
class PostgresBatchInsertsIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate batch;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyPostgresConnectionsRewriteBatchedInserts() throws SQLException {
        String rewrite = dataSource.unwrap(HikariDataSource.class).getDataSourceProperties()
                .getProperty("reWriteBatchedInserts");
        assertThat(rewrite).isEqualTo(TestDatabase.isPostgres() ? "true" : null);
    }

    @Test
    void aBatchStoresEveryRowAsGiven() {
        batch.execute("create table batch_probe (n integer, label varchar(20))");
        try {
            batch.batchUpdate("insert into batch_probe (n, label) values (?, ?)",
                    List.of(new Object[]{1, "én"}, new Object[]{2, null}, new Object[]{3, "tre; 'citat'"}));
            assertThat(jdbc.sql("select n, label from batch_probe order by n")
                    .query((rs, i) -> rs.getInt(1) + "=" + rs.getString(2)).list())
                    .containsExactly("1=én", "2=null", "3=tre; 'citat'");
        } finally {
            batch.execute("drop table batch_probe");
        }
    }
}

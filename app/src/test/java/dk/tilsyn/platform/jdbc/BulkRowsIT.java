package dk.tilsyn.platform.jdbc;

import dk.tilsyn.testsupport.TilsynIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bulk rows arrive exactly as given on both databases (COPY on PostgreSQL, batches on H2): texts with the characters
 * CSV gives meaning to, empty texts apart from NULL, numbers and truth values; and only when the caller's
 * transaction commits.
 */
@TilsynIntegrationTest
class BulkRowsIT {

    @Autowired
    BulkRows bulk;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void table() {
        jdbcTemplate.execute("create table bulk_probe (n bigint, label varchar(100), amount numeric(12,2), flag boolean)");
    }

    @AfterEach
    void drop() {
        jdbcTemplate.execute("drop table bulk_probe");
    }

    @Test
    void everyValueArrivesAsGiven() {
        transaction.executeWithoutResult(status -> {
            try (BulkRows.Sink rows = bulk.open("bulk_probe", "n", "label", "amount", "flag")) {
                rows.add(1L, "plain", new BigDecimal("50000.00"), true);
                rows.add(2L, "komma, \"citat\" og; semikolon", null, false);
                rows.add(3L, "linje 1\nlinje 2\r\nÆøå – €", new BigDecimal("-0.50"), null);
                rows.add(4L, "", BigDecimal.ZERO, true);
                rows.add(5L, null, null, null);
                rows.add(6L, "\\N", null, false);
                for (long n = 7; n <= 2_500; n++) {
                    rows.add(n, "række " + n, null, n % 2 == 0);
                }
            }
        });
        assertThat(jdbc.sql("select count(*) from bulk_probe").query(Long.class).single()).isEqualTo(2_500);
        assertThat(jdbc.sql("select n, label, amount, flag from bulk_probe where n <= 6 order by n")
                .query((rs, i) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3) + "|"
                        + rs.getObject(4)).list())
                .containsExactly(
                        "1|plain|50000.00|true",
                        "2|komma, \"citat\" og; semikolon|null|false",
                        "3|linje 1\nlinje 2\r\nÆøå – €|-0.50|null",
                        "4||0.00|true",
                        "5|null|null|null",
                        "6|\\N|null|false");
        assertThat(jdbc.sql("select label from bulk_probe where n = 2500").query(String.class).single())
                .isEqualTo("række 2500");
    }

    @Test
    void rowsOfARolledBackTransactionAreNotStored() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            try (BulkRows.Sink rows = bulk.open("bulk_probe", "n", "label", "amount", "flag")) {
                rows.add(1L, "gemmes ikke", null, true);
            }
            throw new IllegalStateException("the run failed after its rows");
        })).hasMessage("the run failed after its rows");
        assertThat(jdbc.sql("select count(*) from bulk_probe").query(Long.class).single()).isZero();
    }
}

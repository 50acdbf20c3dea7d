package dk.tilsyn.platform.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.util.function.Supplier;

/**
 * Runs queries that PostgreSQL should plan for the values given, not once for any value.
 *
 * <p>PostgreSQL's driver prepares a statement on the server once it has run five times on a connection; after five
 * more, PostgreSQL may keep one generic plan for it, made without the parameters' values. For a text search
 * ({@code like '%…%'}) a generic plan cannot use the trigram index at all, and for a filter on an org unit it walks a
 * whole run where a plan for the actual unit reads a few hundred rows; on the large bench set such a page took 18–24
 * ms in PostgreSQL where a plan for its values takes 2–5 ms (decision 0017). Here the queries run in
 * a read-only transaction with {@code plan_cache_mode = force_custom_plan} set for that transaction alone, so the
 * connection goes back to the pool as it was; H2 has no plan cache to steer, and its queries run as they are.
 */
@Component
public class CustomPlans {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final boolean postgres;

    CustomPlans(JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource)
            throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /** The work's queries, planned for their values on PostgreSQL. */
    public <T> T run(Supplier<T> work) {
        if (!postgres) {
            return work.get();
        }
        return readOnly.execute(status -> {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            return work.get();
        });
    }
}

package dk.tilsyn.platform.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Insert helpers that hide the key-holder ceremony, the same on H2 and PostgreSQL. */
public final class Inserts {

    private Inserts() {
    }

    /** Runs an insert and returns the generated {@code id} column. */
    public static long returningId(JdbcClient.StatementSpec insert) {
        KeyHolder keys = new GeneratedKeyHolder();
        insert.update(keys, "id");
        Number id = keys.getKeyAs(Number.class);
        if (id == null) {
            throw new IllegalStateException("Insert returned no generated id");
        }
        return id.longValue();
    }
}

package dk.tilsyn.platform.identity;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.Inserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Institutions are the tenants themselves, so this is the one repository not scoped by an institution. */
@Repository
public class InstitutionRepository {

    private static final String COLUMNS = "select id, code, name, created_at from institution ";

    private final JdbcClient jdbc;

    InstitutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Institution> findById(long id) {
        return jdbc.sql(COLUMNS + "where id = ?").param(id).query(RecordRows.of(Institution.class)).optional();
    }

    public Optional<Institution> findByCode(String code) {
        return jdbc.sql(COLUMNS + "where lower(code) = lower(?)").param(code).query(RecordRows.of(Institution.class)).optional();
    }

    public List<Institution> findAll() {
        return jdbc.sql(COLUMNS + "order by name").query(RecordRows.of(Institution.class)).list();
    }

    public List<Institution> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + "where id in (:ids) order by name").param("ids", ids).query(RecordRows.of(Institution.class)).list();
    }

    public Institution insert(String code, String name) {
        long id = Inserts.returningId(jdbc.sql("insert into institution (code, name, created_at) values (?, ?, ?)")
                .params(code, name, Clock.now()));
        return findById(id).orElseThrow();
    }
}

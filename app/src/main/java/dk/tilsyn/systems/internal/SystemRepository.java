package dk.tilsyn.systems.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.systems.ItSystem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Systems of the current institution; every query is scoped by {@link TenantContext#institutionId()}. */
@Repository
class SystemRepository {

    private static final String SELECT = "select id, system_key, name, import_profile from it_system ";

    private final JdbcClient jdbc;

    SystemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ItSystem> findAll() {
        return jdbc.sql(SELECT + "where institution_id = ? order by name")
                .param(TenantContext.institutionId()).query(RecordRows.of(ItSystem.class)).list();
    }

    Optional<ItSystem> findById(long id) {
        return jdbc.sql(SELECT + "where institution_id = ? and id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(ItSystem.class)).optional();
    }

    Optional<ItSystem> findByKey(String key) {
        return jdbc.sql(SELECT + "where institution_id = ? and system_key = ?")
                .params(TenantContext.institutionId(), key).query(RecordRows.of(ItSystem.class)).optional();
    }

    long insert(SystemForm form) {
        return Inserts.returningId(jdbc.sql("""
                        insert into it_system (institution_id, system_key, name, import_profile, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.institutionId(), form.key(), form.name(), form.profileOrNull(), Clock.now(), Clock.now()));
    }

    void update(long id, SystemForm form) {
        jdbc.sql("update it_system set name = ?, import_profile = ?, updated_at = ? where institution_id = ? and id = ?")
                .params(form.name(), form.profileOrNull(), Clock.now(), TenantContext.institutionId(), id).update();
    }

    long count() {
        return jdbc.sql("select count(*) from it_system where institution_id = ?")
                .param(TenantContext.institutionId()).query(Long.class).single();
    }
}

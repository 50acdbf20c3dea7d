package dk.tilsyn.organisation.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.organisation.OrgUnit;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Org units of the current institution; every query is scoped by {@link TenantContext#institutionId()}. */
@Repository
class OrgUnitRepository {

    private final JdbcClient jdbc;

    OrgUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OrgUnit> findAll() {
        return jdbc.sql("select id, code, name, parent_id from org_unit where institution_id = ? order by name")
                .param(TenantContext.institutionId()).query(RecordRows.of(OrgUnit.class)).list();
    }

    Optional<OrgUnit> findById(long id) {
        return jdbc.sql("select id, code, name, parent_id from org_unit where institution_id = ? and id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(OrgUnit.class)).optional();
    }

    Map<Long, Long> personCounts() {
        return jdbc.sql("""
                        select org_unit_id, count(*) as persons from person
                        where institution_id = ? and org_unit_id is not null group by org_unit_id""")
                .param(TenantContext.institutionId())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    long insert(String code, String name, Long parentId) {
        return Inserts.returningId(jdbc.sql("insert into org_unit (institution_id, code, name, parent_id) values (?, ?, ?, ?)")
                .params(TenantContext.institutionId(), code, name, parentId));
    }

    void update(long id, String name, Long parentId) {
        jdbc.sql("update org_unit set name = ?, parent_id = ? where institution_id = ? and id = ?")
                .params(name, parentId, TenantContext.institutionId(), id).update();
    }

    long count() {
        return jdbc.sql("select count(*) from org_unit where institution_id = ?")
                .param(TenantContext.institutionId()).query(Long.class).single();
    }
}

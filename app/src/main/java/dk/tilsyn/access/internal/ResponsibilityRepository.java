package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Who answers for which findings; scoped by {@link TenantContext#institutionId()}. */
@Repository
class ResponsibilityRepository {

    private static final String SELECT = """
            select r.id, r.user_id, u.display_name as user_name, r.org_unit_id, o.name as org_unit_name, r.system_id,
                   s.name as system_name
            from responsibility r join app_user u on u.id = r.user_id
            left join org_unit o on o.id = r.org_unit_id left join it_system s on s.id = r.system_id
            """;

    private final JdbcClient jdbc;

    ResponsibilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Responsibility> findAll() {
        return jdbc.sql(SELECT + "where r.institution_id = ? order by u.display_name, o.name, s.name")
                .param(TenantContext.institutionId()).query(RecordRows.of(Responsibility.class)).list();
    }

    List<Responsibility> ofUser(long userId) {
        return jdbc.sql(SELECT + "where r.institution_id = ? and r.user_id = ?")
                .params(TenantContext.institutionId(), userId).query(RecordRows.of(Responsibility.class)).list();
    }

    Optional<Responsibility> findById(long id) {
        return jdbc.sql(SELECT + "where r.institution_id = ? and r.id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(Responsibility.class)).optional();
    }

    /** The users answering for a unit or any of the given units (a person's unit and those above it). */
    List<Long> usersFor(List<Long> orgUnitIds, List<Long> systemIds) {
        if (orgUnitIds.isEmpty() && systemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct user_id from responsibility where institution_id = :institution and ("
                        + (orgUnitIds.isEmpty() ? "1 = 0" : "org_unit_id in (:units)") + " or "
                        + (systemIds.isEmpty() ? "1 = 0" : "system_id in (:systems)") + ") order by user_id")
                .param("institution", TenantContext.institutionId())
                .param("units", orgUnitIds.isEmpty() ? List.of(-1L) : orgUnitIds)
                .param("systems", systemIds.isEmpty() ? List.of(-1L) : systemIds)
                .query(Long.class).list();
    }

    long insert(long userId, Long orgUnitId, Long systemId, long createdBy) {
        return Inserts.returningId(jdbc.sql("""
                        insert into responsibility (institution_id, user_id, org_unit_id, system_id, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.institutionId(), userId, orgUnitId, systemId, Clock.now(), createdBy));
    }

    void delete(long id) {
        jdbc.sql("delete from responsibility where institution_id = ? and id = ?")
                .params(TenantContext.institutionId(), id).update();
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Documentation of privileged assignments, per account; scoped by {@link TenantContext#institutionId()}. */
@Repository
class DocumentationRepository {

    private final JdbcClient jdbc;

    DocumentationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String systemKey, String account, String reason, String approvedBy, LocalDate approvedOn,
                LocalDate validUntil, long createdBy) {
        return Inserts.returningId(jdbc.sql("""
                        insert into privileged_documentation (institution_id, system_key, account, reason, approved_by,
                            approved_on, valid_until, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.institutionId(), systemKey, account, reason, approvedBy, approvedOn, validUntil,
                        createdBy, Clock.now()));
    }

    List<PrivilegedDocumentation> forAccount(String systemKey, String account) {
        return jdbc.sql("""
                        select p.id, p.system_key, p.account, p.reason, p.approved_by, p.approved_on, p.valid_until,
                               u.display_name as created_by_name, p.created_at
                        from privileged_documentation p join app_user u on u.id = p.created_by
                        where p.institution_id = ? and p.system_key = ? and p.account = ? order by p.id desc""")
                .params(TenantContext.institutionId(), systemKey, account).query(RecordRows.of(PrivilegedDocumentation.class)).list();
    }

    /** Documentation of every account a run tied to the person, in one query. */
    List<PrivilegedDocumentation> forPerson(long runId, String personKey) {
        return jdbc.sql("""
                        select p.id, p.system_key, p.account, p.reason, p.approved_by, p.approved_on, p.valid_until,
                               u.display_name as created_by_name, p.created_at
                        from privileged_documentation p join app_user u on u.id = p.created_by
                        join run_account a on a.system_key = p.system_key and a.account = p.account
                        where p.institution_id = ? and a.institution_id = ? and a.run_id = ? and a.person_key = ?
                        order by p.system_key, p.account, p.id desc""")
                .params(TenantContext.institutionId(), TenantContext.institutionId(), runId, personKey)
                .query(RecordRows.of(PrivilegedDocumentation.class)).list();
    }

    /** "system:account" → the latest valid-until date of documentation current on the day. */
    Map<String, LocalDate> currentUntil(LocalDate day) {
        Map<String, LocalDate> until = new HashMap<>();
        jdbc.sql("select system_key, account, max(valid_until) from privileged_documentation "
                        + "where institution_id = ? and valid_until >= ? group by system_key, account")
                .params(TenantContext.institutionId(), day)
                .query((rs, n) -> until.put(rs.getString(1) + ":" + rs.getString(2), rs.getObject(3, LocalDate.class)))
                .list();
        return until;
    }
}

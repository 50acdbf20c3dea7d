package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Decisions on findings and the actions rejections create; scoped by {@link TenantContext#institutionId()}. */
@Repository
class DecisionRepository {

    private static final String SELECT_DECISION = """
            select d.id, d.identity_key, d.access_hash, d.run_id, d.finding_id, d.person_key, d.decision,
                   d.compensating_control, d.work_need, d.expires_on, d.reason, u.display_name as decided_by_name,
                   d.decided_by, d.decided_at
            from finding_decision d join app_user u on u.id = d.decided_by
            """;

    private static final String SELECT_ACTION = """
            select a.id, a.decision_id, d.run_id, d.finding_id, a.description, a.owner_id, o.display_name as owner_name,
                   a.deadline, a.status, a.done_note, b.display_name as done_by_name, a.done_at
            from access_action a join finding_decision d on d.id = a.decision_id
            join app_user o on o.id = a.owner_id left join app_user b on b.id = a.done_by
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DecisionRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insert(StoredFinding finding, String decision, String control, String workNeed, LocalDate expiresOn,
                String reason, long decidedBy) {
        long id = Inserts.returningId(jdbc.sql("""
                        insert into finding_decision (institution_id, identity_key, access_hash, run_id, finding_id,
                            person_key, decision, compensating_control, work_need, expires_on, reason, decided_by, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.institutionId(), finding.identityKey(), finding.accessHash(), finding.runId(),
                        finding.id(), finding.personKey(), decision, control, workNeed, expiresOn, reason, decidedBy,
                        Clock.now()));
        jdbc.sql("update finding set decision_id = ? where institution_id = ? and id = ?")
                .params(id, TenantContext.institutionId(), finding.id()).update();
        return id;
    }

    Optional<Decision> findById(long id) {
        return jdbc.sql(SELECT_DECISION + "where d.institution_id = ? and d.id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(Decision.class)).optional();
    }

    /** Every decision ever taken on this finding, in any run, newest first. */
    List<Decision> history(String identityKey) {
        return jdbc.sql(SELECT_DECISION + "where d.institution_id = ? and d.identity_key = ? order by d.id desc")
                .params(TenantContext.institutionId(), identityKey).query(RecordRows.of(Decision.class)).list();
    }

    /**
     * For each finding of the run that an earlier decision was taken on, the newest such decision: what the
     * carry-over looks at.
     */
    List<Carried> latestForRun(long runId) {
        return jdbc.sql("""
                        select f.id as finding_id, f.access_hash as finding_hash, f.person_key, d.id as decision_id,
                               d.access_hash as decided_hash, d.decision, d.expires_on, d.decided_by, f.run_id
                        from finding f join finding_decision d
                          on d.institution_id = f.institution_id and d.identity_key = f.identity_key
                        where f.institution_id = ? and f.run_id = ?
                          and d.id = (select max(d2.id) from finding_decision d2
                                      where d2.institution_id = f.institution_id and d2.identity_key = f.identity_key)""")
                .params(TenantContext.institutionId(), runId).query(RecordRows.of(Carried.class)).list();
    }

    /** Records that the decider has been told (once) that the decision no longer holds; false if already told. */
    boolean markNoticed(long decisionId, String why) {
        String column = "expiry".equals(why) ? "expiry_noticed_at" : "change_noticed_at";
        return jdbc.sql("update finding_decision set " + column + " = ? where institution_id = ? and id = ? and "
                        + column + " is null")
                .params(Clock.now(), TenantContext.institutionId(), decisionId).update() == 1;
    }

    void applyDecisions(List<Object[]> decisionAndFinding) {
        batch.batchUpdate("update finding set decision_id = ? where id = ?", decisionAndFinding);
    }

    long insertAction(long decisionId, String description, long ownerId, LocalDate deadline) {
        return Inserts.returningId(jdbc.sql("""
                        insert into access_action (institution_id, decision_id, description, owner_id, deadline, status,
                            created_at) values (?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(TenantContext.institutionId(), decisionId, description, ownerId, deadline, Clock.now()));
    }

    List<AccessAction> actions(boolean openOnly) {
        return jdbc.sql(SELECT_ACTION + "where a.institution_id = ?" + (openOnly ? " and a.status = 'OPEN'" : "")
                        + " order by case when a.status = 'OPEN' then 0 else 1 end, a.deadline, a.id")
                .param(TenantContext.institutionId()).query(RecordRows.of(AccessAction.class)).list();
    }

    List<AccessAction> actionsOf(long decisionId) {
        return jdbc.sql(SELECT_ACTION + "where a.institution_id = ? and a.decision_id = ? order by a.id")
                .params(TenantContext.institutionId(), decisionId).query(RecordRows.of(AccessAction.class)).list();
    }

    Optional<AccessAction> action(long id) {
        return jdbc.sql(SELECT_ACTION + "where a.institution_id = ? and a.id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(AccessAction.class)).optional();
    }

    void completeAction(long id, String note, long userId) {
        jdbc.sql("update access_action set status = 'DONE', done_note = ?, done_by = ?, done_at = ? "
                        + "where institution_id = ? and id = ? and status = 'OPEN'")
                .params(note, userId, Clock.now(), TenantContext.institutionId(), id).update();
    }

    long countOpenActions(long ownerId) {
        return jdbc.sql("select count(*) from access_action where institution_id = ? and owner_id = ? and status = 'OPEN'")
                .params(TenantContext.institutionId(), ownerId).query(Long.class).single();
    }

    /** A run's finding together with the newest decision on the same finding, for the carry-over. */
    record Carried(long findingId, String findingHash, String personKey, long decisionId, String decidedHash,
                   String decision, LocalDate expiresOn, long decidedBy, long runId) {
    }
}

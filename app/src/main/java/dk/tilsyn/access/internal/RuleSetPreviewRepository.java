package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Rule-set impact previews of the current institution ({@link TenantContext#institutionId()}), except the two
 * housekeeping statements, which span institutions. A computation only writes while its preview is current and under
 * way, so a superseded or interrupted one can never overwrite what the page shows.
 */
@Repository
class RuleSetPreviewRepository {

    private static final String SELECT = """
            select id, coalesce(current_preview, false) as current_preview, draft_sha256, yaml, comment, rule_set_id,
                   rule_set_version, function_count, rule_count, run_id, status, step, appear_count, disappear_count,
                   unchanged_count, failure, started_at, heartbeat_at
            from rule_set_preview
            """;
    private static final String WHILE_UNDERWAY = "current_preview = true and status in ('QUEUED', 'RUNNING')";
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RuleSetPreviewRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A checked draft, as the preview keeps it. */
    record Draft(String yaml, String sha256, String comment, String ruleSetId, String ruleSetVersion, int functionCount,
                 int ruleCount) {
    }

    Optional<RuleSetPreview> findById(long id) {
        return jdbc.sql(SELECT + "where institution_id = ? and id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(RuleSetPreview.class)).optional();
    }

    Optional<RuleSetPreview> current() {
        return jdbc.sql(SELECT + "where institution_id = ? and current_preview = true")
                .param(TenantContext.institutionId()).query(RecordRows.of(RuleSetPreview.class)).optional();
    }

    /**
     * Makes a new preview the institution's current one and supersedes the one before; call in a transaction. Two
     * at the same moment: the unique key refuses the second insert ({@code DuplicateKeyException}).
     *
     * @param runId  the run to compare with, or null when there is none (the preview is then DONE at once)
     */
    long insertCurrent(Draft draft, Long runId, long requestedBy) {
        long institution = TenantContext.institutionId();
        OffsetDateTime now = Clock.now();
        jdbc.sql("""
                        update rule_set_preview set current_preview = null,
                               status = case when status in ('QUEUED', 'RUNNING') then 'SUPERSEDED' else status end
                        where institution_id = ? and current_preview = true""")
                .param(institution).update();
        return Inserts.returningId(jdbc.sql("""
                        insert into rule_set_preview (institution_id, current_preview, draft_sha256, yaml, comment,
                            rule_set_id, rule_set_version, function_count, rule_count, run_id, status, requested_by,
                            started_at, heartbeat_at, finished_at)
                        values (?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(institution, draft.sha256(), draft.yaml(), cut(draft.comment(), 2000), draft.ruleSetId(),
                        draft.ruleSetVersion(), draft.functionCount(), draft.ruleCount(), runId,
                        runId == null ? "DONE" : "QUEUED", requestedBy, now, now, runId == null ? now : null));
    }

    /** The same draft checked again with another comment: the comment goes with the save. */
    void comment(long id, String comment) {
        jdbc.sql("update rule_set_preview set comment = ? where institution_id = ? and id = ?")
                .params(cut(comment, 2000), TenantContext.institutionId(), id).update();
    }

    /** Still the current preview and waiting or computing; false once a newer draft superseded it. */
    boolean stillWanted(long id) {
        return jdbc.sql("select count(*) from rule_set_preview where institution_id = ? and id = ? and " + WHILE_UNDERWAY)
                .params(TenantContext.institutionId(), id).query(Long.class).single() == 1;
    }

    /** Moves the computation to a step; false when the preview is no longer wanted (then it stops). */
    boolean step(long id, String step) {
        return jdbc.sql("update rule_set_preview set status = 'RUNNING', step = ?, heartbeat_at = ? "
                        + "where institution_id = ? and id = ? and " + WHILE_UNDERWAY)
                .params(step, Clock.now(), TenantContext.institutionId(), id).update() == 1;
    }

    /** Keeps the result, unless the preview was superseded meanwhile; call in a transaction. */
    boolean finish(long id, RuleSetImpact impact) {
        long institution = TenantContext.institutionId();
        OffsetDateTime now = Clock.now();
        int changed = jdbc.sql("""
                        update rule_set_preview set status = 'DONE', step = null, appear_count = ?, disappear_count = ?,
                               unchanged_count = ?, heartbeat_at = ?, finished_at = ?
                        where institution_id = ? and id = ? and\s""" + WHILE_UNDERWAY)
                .params(impact.appear().size(), impact.disappear().size(), impact.unchanged(), now, now, institution, id)
                .update();
        if (changed != 1) {
            return false;
        }
        List<Object[]> rows = new ArrayList<>(BATCH);
        int position = 0;
        for (PreviewFinding f : impact.listed()) {
            rows.add(new Object[]{id, institution, position++, f.changeKind(), f.rule(), f.personKey(), f.explanation()});
            if (rows.size() == BATCH) {
                insertFindings(rows);
            }
        }
        insertFindings(rows);
        return true;
    }

    private void insertFindings(List<Object[]> rows) {
        batch.batchUpdate("""
                insert into rule_set_preview_finding (preview_id, institution_id, position, change_kind, rule, person_key,
                                                      explanation)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
        rows.clear();
    }

    void fail(long id, String failure) {
        jdbc.sql("update rule_set_preview set status = 'FAILED', step = null, failure = ?, finished_at = ? "
                        + "where institution_id = ? and id = ? and " + WHILE_UNDERWAY)
                .params(cut(failure, 2000), Clock.now(), TenantContext.institutionId(), id).update();
    }

    /** The first {@code limit} findings of one kind of change, in the order the computation listed them. */
    List<PreviewFinding> findings(long previewId, String changeKind, int limit) {
        return jdbc.sql("""
                        select change_kind, rule, person_key, explanation from rule_set_preview_finding
                        where institution_id = ? and preview_id = ? and change_kind = ? order by position limit ?""")
                .params(TenantContext.institutionId(), previewId, changeKind, limit).query(RecordRows.of(PreviewFinding.class)).list();
    }

    /** Superseded previews of the institution older than the limit go, with their findings; they were only status. */
    void purgeSupersededBefore(OffsetDateTime before) {
        jdbc.sql("delete from rule_set_preview where institution_id = ? and current_preview is null and started_at < ?")
                .params(TenantContext.institutionId(), before).update();
    }

    /** The heartbeat of the previews this instance waits for or computes (any institution). */
    void touch(Collection<Long> ids, OffsetDateTime now) {
        for (long id : ids) {
            jdbc.sql("update rule_set_preview set heartbeat_at = ? where id = ? and status in ('QUEUED', 'RUNNING')")
                    .params(now, id).update();
        }
    }

    /** Marks previews no instance has touched since {@code before} as interrupted (any institution). */
    int interruptStale(OffsetDateTime before) {
        return jdbc.sql("""
                        update rule_set_preview set status = 'INTERRUPTED', step = null, finished_at = ?
                        where status in ('QUEUED', 'RUNNING') and heartbeat_at < ?""")
                .params(Clock.now(), before).update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

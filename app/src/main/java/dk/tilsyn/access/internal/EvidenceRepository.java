package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.evidence.StoredFile;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Evidence rows of the current institution; every query is scoped by {@link TenantContext#institutionId()}. */
@Repository
class EvidenceRepository {

    private static final String SELECT = """
            select e.id, e.system_id, e.kind, e.file_name, e.sha256, e.size_bytes, e.row_count, e.as_of, e.import_profile,
                   u.display_name as uploaded_by_name, e.uploaded_at, e.status, e.superseded_by,
                   x.display_name as deleted_by_name, e.deleted_at, e.delete_reason
            from evidence_file e join app_user u on u.id = e.uploaded_by left join app_user x on x.id = e.deleted_by
            """;

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Evidence> findBySystem(long systemId) {
        return jdbc.sql(SELECT + "where e.institution_id = ? and e.system_id = ? and e.status <> 'DISCARDED' order by e.id desc")
                .params(TenantContext.institutionId(), systemId).query(RecordRows.of(Evidence.class)).list();
    }

    Optional<Evidence> findById(long systemId, long id) {
        return jdbc.sql(SELECT + "where e.institution_id = ? and e.system_id = ? and e.id = ?")
                .params(TenantContext.institutionId(), systemId, id).query(RecordRows.of(Evidence.class)).optional();
    }

    /** The files a run read, as they were frozen when it started (without a file it reconciled against). */
    List<Evidence> inputsOf(long runId) {
        return inputsOf(runId, "INPUT");
    }

    /** The second extract a run reconciled a system's own against, if it did. */
    java.util.Optional<Evidence> reconciledOf(long runId) {
        return inputsOf(runId, "RECONCILIATION").stream().findFirst();
    }

    private List<Evidence> inputsOf(long runId, String purpose) {
        return jdbc.sql(SELECT + "join analysis_run_input i on i.evidence_id = e.id join analysis_run r on r.id = i.run_id "
                        + "where e.institution_id = ? and r.institution_id = ? and i.run_id = ? and i.purpose = ? order by e.id")
                .params(TenantContext.institutionId(), TenantContext.institutionId(), runId, purpose)
                .query(RecordRows.of(Evidence.class)).list();
    }

    /** Extracts a run can reconcile against: every kept extract that is not the one in use (superseded or pending). */
    List<Evidence> reconcilable() {
        return jdbc.sql(SELECT + "where e.institution_id = ? and e.kind = 'EXTRACT' and e.status in ('SUPERSEDED', 'PENDING') "
                        + "order by e.system_id, e.id desc")
                .param(TenantContext.institutionId()).query(RecordRows.of(Evidence.class)).list();
    }

    java.util.Optional<Evidence> findAnyById(long id) {
        return jdbc.sql(SELECT + "where e.institution_id = ? and e.id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(Evidence.class)).optional();
    }

    long insertPending(EvidenceService.CheckedUpload checked, StoredFile file, long uploadedBy) {
        ExtractUploads.NewUpload upload = checked.upload();
        return Inserts.returningId(jdbc.sql("""
                        insert into evidence_file (institution_id, system_id, kind, file_name, sha256, size_bytes, row_count,
                                                   as_of, import_profile, uploaded_by, uploaded_at, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(TenantContext.institutionId(), upload.system().id(), upload.kind().name(), upload.fileName(),
                        file.sha256(), file.size(), checked.preview().totalRows(), upload.asOf(), upload.profile(),
                        uploadedBy, Clock.now()));
    }

    /** Every accepted upload of the institution: the newest file per system and kind, what a run reads. */
    List<Evidence> findAllAccepted() {
        return jdbc.sql(SELECT + "where e.institution_id = ? and e.status = 'ACCEPTED' order by e.system_id, e.kind")
                .param(TenantContext.institutionId()).query(RecordRows.of(Evidence.class)).list();
    }

    /** The accepted upload of this system and kind, if any (there is at most one). */
    Optional<Evidence> findAccepted(long systemId, EvidenceKind kind) {
        return jdbc.sql(SELECT + "where e.institution_id = ? and e.system_id = ? and e.kind = ? and e.status = 'ACCEPTED'")
                .params(TenantContext.institutionId(), systemId, kind.name()).query(RecordRows.of(Evidence.class)).optional();
    }

    /** Moves a row from one status to another; false when it was no longer in the expected status. */
    boolean decide(long id, String from, String to, long decidedBy) {
        return jdbc.sql("""
                        update evidence_file set status = ?, decided_by = ?, decided_at = ?
                        where institution_id = ? and id = ? and status = ?""")
                .params(to, decidedBy, Clock.now(), TenantContext.institutionId(), id, from).update() == 1;
    }

    void supersede(long id, long by) {
        jdbc.sql("update evidence_file set status = 'SUPERSEDED', superseded_by = ? where institution_id = ? and id = ? and status = 'ACCEPTED'")
                .params(by, TenantContext.institutionId(), id).update();
    }

    /** How many runs of the institution read this file (as input or to reconcile against). */
    long runsUsing(long evidenceId) {
        return jdbc.sql("select count(*) from analysis_run_input i join analysis_run r on r.id = i.run_id "
                        + "where r.institution_id = ? and i.evidence_id = ?")
                .params(TenantContext.institutionId(), evidenceId).query(Long.class).single();
    }

    boolean markDeleted(long id, long userId, String reason) {
        return jdbc.sql("""
                        update evidence_file set status = 'DELETED', deleted_by = ?, deleted_at = ?, delete_reason = ?
                        where institution_id = ? and id = ? and status in ('SUPERSEDED', 'DISCARDED')""")
                .params(userId, dk.tilsyn.platform.jdbc.Clock.now(), reason, TenantContext.institutionId(), id).update() == 1;
    }

    /**
     * Whether anything still refers to these bytes. Deliberately across institutions: the store is content-addressed,
     * so another institution's upload (or a run's report) with the same bytes shares the file.
     */
    boolean contentStillUsed(String sha256) {
        return jdbc.sql("""
                        select (select count(*) from evidence_file where sha256 = :sha and status <> 'DELETED')
                             + (select count(*) from analysis_run where persons_sha256 = :sha or report_sha256 = :sha
                                                                       or matrix_sha256 = :sha)
                             + (select count(*) from rule_set_layer where sha256 = :sha)""")
                .param("sha", sha256).query(Long.class).single() > 0;
    }
}

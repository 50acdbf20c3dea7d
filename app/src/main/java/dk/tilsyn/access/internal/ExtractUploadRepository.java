package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.engine.io.ImportProblem;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Uploads under way and their outcomes, of the current institution ({@link TenantContext#institutionId()}). */
@Repository
class ExtractUploadRepository {

    private static final String SELECT = """
            select id, system_id, kind, file_name, as_of, import_profile, status, size_bytes, bytes_read, rows_read, evidence_id,
                   problems_omitted, failure, started_at, updated_at
            from extract_upload
            """;

    private final JdbcClient jdbc;

    ExtractUploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertQueued(ExtractUploads.NewUpload upload, long sizeBytes, long uploadedBy) {
        var now = Clock.now();
        return Inserts.returningId(jdbc.sql("""
                        insert into extract_upload (institution_id, system_id, kind, file_name, as_of, import_profile,
                                                    uploaded_by, started_at, updated_at, status, size_bytes, bytes_read,
                                                    rows_read, problems_omitted)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, 0, 0, 0)""")
                .params(TenantContext.institutionId(), upload.system().id(), upload.kind().name(), upload.fileName(),
                        upload.asOf(), upload.profile(), uploadedBy, now, now, sizeBytes));
    }

    /** The system's checks of the last day, newest first: what the extracts page lists as under way or just done. */
    List<ExtractUpload> recent(long systemId) {
        return jdbc.sql(SELECT + "where institution_id = ? and system_id = ? and started_at > ? order by id desc limit 20")
                .params(TenantContext.institutionId(), systemId, Clock.now().minusDays(1)).query(RecordRows.of(ExtractUpload.class)).list();
    }

    Optional<ExtractUpload> findById(long systemId, long id) {
        return jdbc.sql(SELECT + "where institution_id = ? and system_id = ? and id = ?")
                .params(TenantContext.institutionId(), systemId, id).query(RecordRows.of(ExtractUpload.class)).optional();
    }

    /** Marks the upload as alive without changing anything else (a queued upload still waiting). */
    void touch(long id) {
        jdbc.sql("update extract_upload set updated_at = ? where institution_id = ? and id = ?")
                .params(Clock.now(), TenantContext.institutionId(), id).update();
    }

    void progress(long id, String status, long bytesRead, long rowsRead) {
        jdbc.sql("update extract_upload set status = ?, bytes_read = ?, rows_read = ?, updated_at = ? where institution_id = ? and id = ?")
                .params(status, bytesRead, rowsRead, Clock.now(), TenantContext.institutionId(), id).update();
    }

    void markDone(long id, long bytesRead, long rows, long evidenceId) {
        jdbc.sql("""
                        update extract_upload set status = 'DONE', bytes_read = ?, rows_read = ?, evidence_id = ?, updated_at = ?
                        where institution_id = ? and id = ?""")
                .params(bytesRead, rows, evidenceId, Clock.now(), TenantContext.institutionId(), id).update();
    }

    /** Keeps the engine's problems (never the file) so the user can read them, on any instance, after a reload. */
    void markRefused(long id, InvalidInputException refused) {
        long institution = TenantContext.institutionId();
        jdbc.sql("update extract_upload set status = 'REFUSED', problems_omitted = ?, updated_at = ? where institution_id = ? and id = ?")
                .params(refused.omitted(), Clock.now(), institution, id).update();
        List<ImportProblem> problems = refused.problems();
        for (int i = 0; i < problems.size(); i++) {
            ImportProblem p = problems.get(i);
            jdbc.sql("""
                            insert into extract_upload_problem (upload_id, institution_id, position, line, column_name, cell_value,
                                                                code, message)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, institution, i, p.line(), cut(p.column(), 300), cut(p.value(), 1000), cut(p.code(), 100),
                            cut(p.message(), 4000)).update();
        }
    }

    void markFailed(long id, String failure) {
        jdbc.sql("update extract_upload set status = 'FAILED', failure = ?, updated_at = ? where institution_id = ? and id = ?")
                .params(cut(failure, 2000), Clock.now(), TenantContext.institutionId(), id).update();
    }

    /** A refused upload's problems as the engine reported them, for the shared problem table. */
    InvalidInputException refusal(ExtractUpload upload) {
        List<ImportProblem> problems = jdbc.sql("""
                        select line, column_name, cell_value, code, message from extract_upload_problem
                        where institution_id = ? and upload_id = ? order by position""")
                .params(TenantContext.institutionId(), upload.id())
                .query((rs, n) -> new ImportProblem(upload.fileName(), rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), List.of(), rs.getString(5))).list();
        return new InvalidInputException(upload.fileName(), problems, upload.problemsOmitted());
    }

    /** Finished uploads of the institution older than a day go, with their problem lists; they were only status. */
    void purgeFinishedBefore(java.time.OffsetDateTime before) {
        jdbc.sql("""
                        delete from extract_upload where institution_id = ? and status in ('DONE', 'REFUSED', 'FAILED')
                        and updated_at < ?""")
                .params(TenantContext.institutionId(), before).update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

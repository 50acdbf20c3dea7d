package dk.tilsyn.access.internal;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Background care that spans institutions: keeps this instance's runs alive, fails runs whose instance stopped
 * (a restart mid-run would otherwise leave them "running" for ever), and tells managers when an acceptance has
 * expired. Safe with several instances: each statement only changes rows still in the state it expects.
 */
@Component
class RunHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(RunHousekeeping.class);

    private final JdbcClient jdbc;
    private final RunService runs;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Duration staleAfter;
    private final NoticeRepository notices;

    RunHousekeeping(JdbcClient jdbc, RunService runs, AuditTrail audit, TransactionTemplate transaction,
                    NoticeRepository notices, @Value("${tilsyn.runs.stale-after:5m}") Duration staleAfter) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.runs = runs;
        this.audit = audit;
        this.transaction = transaction;
        this.staleAfter = staleAfter;
    }

    @Scheduled(fixedDelayString = "${tilsyn.runs.heartbeat:30s}", initialDelayString = "${tilsyn.runs.heartbeat:30s}")
    void heartbeatAndStaleRuns() {
        List<Long> mine = runs.underway();
        OffsetDateTime now = Clock.now();
        for (long id : mine) {
            jdbc.sql("update analysis_run set heartbeat_at = ? where id = ?").params(now, id).update();
        }
        failStale(now.minus(staleAfter));
    }

    /** Marks runs no instance has touched within the limit as failed, each in its institution's audit chain. */
    int failStale(OffsetDateTime before) {
        List<Map<String, Object>> stale = jdbc.sql("""
                        select id, institution_id from analysis_run
                        where status in ('QUEUED', 'RUNNING') and coalesce(heartbeat_at, started_at) < ?""")
                .param(before).query().listOfRows();
        int failed = 0;
        for (Map<String, Object> run : stale) {
            long id = ((Number) run.get("id")).longValue();
            long institution = ((Number) run.get("institution_id")).longValue();
            Integer changed = transaction.execute(status -> TenantContext.runAs(institution, () -> {
                int rows = jdbc.sql("""
                                update analysis_run set status = 'FAILED', finished_at = ?,
                                       failure = 'Analysen blev afbrudt: den server, der kørte den, stoppede. Start en ny analyse.'
                                where id = ? and status in ('QUEUED', 'RUNNING') and coalesce(heartbeat_at, started_at) < ?""")
                        .params(Clock.now(), id, before).update();
                if (rows == 1) {
                    audit.record(AuditEvent.of(institution, AuditAction.UPDATE, "analysis-run", id,
                            Map.of("status", "RUNNING"), Map.of("status", "FAILED", "reason", "stale")));
                }
                return rows;
            }));
            if (changed != null && changed == 1) {
                log.warn("Analysis run {} of institution {} had no heartbeat since {}: marked failed", id, institution, before);
                failed++;
            }
        }
        return failed;
    }

    @Scheduled(fixedDelayString = "${tilsyn.decisions.expiry-check:1h}", initialDelayString = "${tilsyn.decisions.expiry-check:1h}")
    void expiredAcceptances() {
        tellAboutExpired(LocalDate.now());
    }

    /**
     * Tells whoever accepted a finding, once, that the acceptance has run out (the newest decision on the finding
     * only: an acceptance replaced by a newer decision is not news).
     */
    int tellAboutExpired(LocalDate today) {
        List<Map<String, Object>> expired = jdbc.sql("""
                        select d.id, d.institution_id, d.decided_by, d.person_key, d.run_id, d.finding_id
                        from finding_decision d
                        where d.decision = 'ACCEPT' and d.expires_on < ? and d.expiry_noticed_at is null
                          and d.id = (select max(d2.id) from finding_decision d2
                                      where d2.institution_id = d.institution_id and d2.identity_key = d.identity_key)""")
                .param(today).query().listOfRows();
        int told = 0;
        for (Map<String, Object> row : expired) {
            long id = ((Number) row.get("id")).longValue();
            long institution = ((Number) row.get("institution_id")).longValue();
            Integer changed = transaction.execute(status -> TenantContext.runAs(institution, () -> {
                int rows = jdbc.sql("update finding_decision set expiry_noticed_at = ? where id = ? and expiry_noticed_at is null")
                        .params(Clock.now(), id).update();
                if (rows == 1) {
                    notices.tell(((Number) row.get("decided_by")).longValue(), "notice.expired",
                            (String) row.get("person_key"), "/analyser/" + row.get("run_id") + "/fund/" + row.get("finding_id"));
                }
                return rows;
            }));
            told += changed == null ? 0 : changed;
        }
        return told;
    }
}

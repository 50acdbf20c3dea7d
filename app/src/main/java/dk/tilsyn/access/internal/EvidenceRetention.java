package dk.tilsyn.access.internal;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deleting evidence is an explicit, audited act of an administrator (retention): only an original no longer in
 * use, with a reason, and — when analyses read it — only after the administrator confirms that their source rows
 * can then no longer be shown. The record of the upload stays; the bytes go when nothing else refers to them.
 */
@Service
class EvidenceRetention {

    private final EvidenceRepository evidence;
    private final EvidenceStore store;
    private final AuditTrail audit;

    EvidenceRetention(EvidenceRepository evidence, EvidenceStore store, AuditTrail audit) {
        this.evidence = evidence;
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    void delete(Evidence upload, String reason, boolean runsConfirmed) {
        if (!upload.deletable()) {
            throw new DecisionProblem("evidence.delete.problem.status");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new DecisionProblem("evidence.delete.problem.reason");
        }
        long runs = evidence.runsUsing(upload.id());
        if (runs > 0 && !runsConfirmed) {
            throw new DecisionProblem("evidence.delete.problem.confirm");
        }
        long userId = TenantContext.user().orElseThrow().id();
        if (!evidence.markDeleted(upload.id(), userId, reason.strip())) {
            throw new DecisionProblem("evidence.delete.problem.status");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", upload.status());
        before.put("file", upload.fileName());
        before.put("sha256", upload.sha256());
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.DELETE, "evidence", upload.id(), before,
                Map.of("status", "DELETED", "reason", reason.strip(), "runsUsingIt", runs)));
        if (!evidence.contentStillUsed(upload.sha256())) {
            // The bytes go only once the deletion is committed: a rollback must not leave a row without its file.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    store.delete(upload.sha256());
                }
            });
        }
    }
}

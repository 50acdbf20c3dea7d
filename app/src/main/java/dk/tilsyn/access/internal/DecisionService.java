package dk.tilsyn.access.internal;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes positions on findings (accept, reject) and documents privileged assignments; every decision is checked
 * against {@link DecisionPolicy} and written to the audit trail in the same transaction.
 */
@Service
class DecisionService {

    private static final int MAX_TEXT = 4000;

    private final DecisionRepository decisions;
    private final DocumentationRepository documentation;
    private final RunRepository runs;
    private final NoticeRepository notices;
    private final InstitutionMembers members;
    private final DecisionPolicy policy;
    private final DecisionSettings settings;
    private final AuditTrail audit;

    DecisionService(DecisionRepository decisions, DocumentationRepository documentation, RunRepository runs,
                    NoticeRepository notices, InstitutionMembers members, DecisionPolicy policy, DecisionSettings settings,
                    AuditTrail audit) {
        this.decisions = decisions;
        this.documentation = documentation;
        this.runs = runs;
        this.notices = notices;
        this.members = members;
        this.policy = policy;
        this.settings = settings;
        this.audit = audit;
    }

    @Transactional
    long accept(CurrentUser user, StoredFinding finding, String control, Set<String> confirmed, LocalDate expiresOn) {
        mayDecide(user, finding);
        if (control == null || control.isBlank()) {
            throw new DecisionProblem("decision.problem.control");
        }
        if (control.length() > MAX_TEXT) {
            throw new DecisionProblem("decision.problem.tooLong");
        }
        if (!confirmed.containsAll(finding.functionList())) {
            throw new DecisionProblem("decision.problem.workNeed");
        }
        LocalDate today = LocalDate.now();
        if (expiresOn == null || !expiresOn.isAfter(today)) {
            throw new DecisionProblem("decision.problem.expiry");
        }
        if (expiresOn.isAfter(today.plusMonths(settings.maxMonths()))) {
            throw new DecisionProblem("decision.problem.expiryTooLate");
        }
        String workNeed = String.join("\n", finding.functionList());
        long id = decisions.insert(finding, Decision.ACCEPT, control.strip(), workNeed, expiresOn, null, user.id());
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.ACCEPT, "finding-decision", id, null,
                details(finding, Map.of("compensatingControl", control.strip(), "workNeed", finding.functionList(),
                        "expiresOn", expiresOn.toString()))));
        return id;
    }

    @Transactional
    long reject(CurrentUser user, StoredFinding finding, String reason, String action, Long ownerId, LocalDate deadline) {
        mayDecide(user, finding);
        if (action == null || action.isBlank()) {
            throw new DecisionProblem("decision.problem.action");
        }
        if (action.length() > 2000 || (reason != null && reason.length() > MAX_TEXT)) {
            throw new DecisionProblem("decision.problem.tooLong");
        }
        if (ownerId == null || !members.isMember(ownerId)) {
            throw new DecisionProblem("decision.problem.owner");
        }
        if (deadline == null || deadline.isBefore(LocalDate.now())) {
            throw new DecisionProblem("decision.problem.deadline");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        long id = decisions.insert(finding, Decision.REJECT, null, null, null, why, user.id());
        long actionId = decisions.insertAction(id, action.strip(), ownerId, deadline);
        notices.tell(ownerId, "notice.action", action.strip(), "/handlinger#handling-" + actionId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reason", why == null ? "" : why);
        after.put("action", action.strip());
        after.put("owner", ownerId);
        after.put("deadline", deadline.toString());
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.REJECT, "finding-decision", id, null,
                details(finding, after)));
        return id;
    }

    @Transactional
    void completeAction(CurrentUser user, AccessAction action, String note) {
        if (!action.open()) {
            throw new DecisionProblem("action.problem.done");
        }
        if (note == null || note.isBlank()) {
            throw new DecisionProblem("action.problem.note");
        }
        decisions.completeAction(action.id(), note.strip(), user.id());
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.UPDATE, "access-action", action.id(),
                Map.of("status", "OPEN"), Map.of("status", "DONE", "note", note.strip())));
    }

    @Transactional
    void document(CurrentUser user, StoredFinding finding, String reason, String approvedBy, LocalDate approvedOn,
                  LocalDate validUntil) {
        if (!"privileged-access".equals(finding.kind())) {
            throw new DecisionProblem("documentation.problem.kind");
        }
        if (policy.ownAccess(user, finding.personKey(), finding.accounts())) {
            throw new DecisionProblem("decision.refused.own");
        }
        if (reason == null || reason.isBlank() || approvedBy == null || approvedBy.isBlank()) {
            throw new DecisionProblem("documentation.problem.required");
        }
        if (reason.length() > 2000 || approvedBy.length() > 200) {
            throw new DecisionProblem("decision.problem.tooLong");
        }
        LocalDate today = LocalDate.now();
        if (approvedOn == null || approvedOn.isAfter(today)) {
            throw new DecisionProblem("documentation.problem.approvedOn");
        }
        if (validUntil == null || validUntil.isBefore(today) || validUntil.isAfter(today.plusMonths(settings.maxMonths()))) {
            throw new DecisionProblem("documentation.problem.validUntil");
        }
        for (String ref : finding.accounts().split(", ")) {
            int colon = ref.indexOf(':');
            long id = documentation.insert(ref.substring(0, colon), ref.substring(colon + 1), reason.strip(),
                    approvedBy.strip(), approvedOn, validUntil, user.id());
            audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.DOCUMENT, "privileged-documentation", id,
                    null, Map.of("account", ref, "reason", reason.strip(), "approvedBy", approvedBy.strip(),
                            "approvedOn", approvedOn.toString(), "validUntil", validUntil.toString())));
        }
        runs.markDocumented(finding.accounts(), validUntil);
    }

    /**
     * After a run: a finding decided on before keeps that decision while its access is unchanged. When the access
     * changed, or an acceptance has expired, the finding is open and whoever decided it is told.
     */
    void carryOver(long runId) {
        LocalDate today = LocalDate.now();
        List<DecisionRepository.Carried> carried = decisions.latestForRun(runId);
        List<Object[]> keep = new ArrayList<>();
        for (DecisionRepository.Carried c : carried) {
            boolean unchanged = c.decidedHash().equals(c.findingHash());
            if (unchanged) {
                keep.add(new Object[]{c.decisionId(), c.findingId()});
            }
            boolean expired = Decision.ACCEPT.equals(c.decision()) && c.expiresOn() != null && c.expiresOn().isBefore(today);
            if ((!unchanged || expired) && decisions.markNoticed(c.decisionId(), unchanged ? "expiry" : "change")) {
                String key = unchanged ? "notice.expired" : "notice.changed";
                String link = "/analyser/" + runId + "/fund/" + c.findingId();
                notices.tell(c.decidedBy(), key, c.personKey(), link);
            }
        }
        decisions.applyDecisions(keep);
    }

    private void mayDecide(CurrentUser user, StoredFinding finding) {
        policy.refusal(user, finding).ifPresent(key -> {
            throw new DecisionProblem(key);
        });
    }

    private static Map<String, Object> details(StoredFinding finding, Map<String, Object> decision) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run", finding.runId());
        details.put("finding", finding.id());
        details.put("kind", finding.kind());
        details.put("rule", finding.rule());
        details.put("person", finding.personKey() == null ? "" : finding.personKey());
        details.put("accounts", finding.accounts());
        details.putAll(decision);
        return details;
    }
}

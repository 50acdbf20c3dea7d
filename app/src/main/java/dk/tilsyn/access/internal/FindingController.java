package dk.tilsyn.access.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.MemberOnly;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.platform.web.SpreadsheetText;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One finding: its explanation and cited rows, the positions taken on it, and the forms to take one. */
@Controller
class FindingController {

    private final RunRepository runs;
    private final DecisionRepository decisions;
    private final DocumentationRepository documentation;
    private final DecisionService service;
    private final DecisionPolicy policy;
    private final DecisionSettings settings;
    private final CitedRows citedRows;
    private final InstitutionMembers members;
    private final AuditTrail audit;

    FindingController(RunRepository runs, DecisionRepository decisions, DocumentationRepository documentation,
                      DecisionService service, DecisionPolicy policy, DecisionSettings settings, CitedRows citedRows,
                      InstitutionMembers members, AuditTrail audit) {
        this.runs = runs;
        this.decisions = decisions;
        this.documentation = documentation;
        this.service = service;
        this.policy = policy;
        this.settings = settings;
        this.citedRows = citedRows;
        this.members = members;
        this.audit = audit;
    }

    @MemberOnly
    @GetMapping("/analyser/{runId}/fund/{findingId}")
    String show(@PathVariable long runId, @PathVariable long findingId, Model model) {
        AnalysisRun run = run(runId);
        StoredFinding finding = finding(runId, findingId);
        CurrentUser user = TenantContext.user().orElseThrow();
        LocalDate today = LocalDate.now();
        model.addAttribute("run", run);
        model.addAttribute("finding", finding);
        model.addAttribute("rows", citedRows.of(run, finding));
        model.addAttribute("history", decisions.history(finding.identityKey()));
        model.addAttribute("current", finding.decisionId() == null ? null
                : decisions.findById(finding.decisionId()).orElse(null));
        model.addAttribute("actions", finding.decisionId() == null ? List.of() : decisions.actionsOf(finding.decisionId()));
        model.addAttribute("refusal", policy.refusal(user, finding).orElse(null));
        boolean privileged = "privileged-access".equals(finding.kind());
        model.addAttribute("privileged", privileged);
        model.addAttribute("documentation", privileged ? documentationOf(finding) : List.of());
        model.addAttribute("mayDocument", privileged
                && user.hasAnyRole(Role.SECURITY_COORDINATOR, Role.SYSTEM_OWNER, Role.ADMINISTRATOR));
        model.addAttribute("today", today);
        model.addAttribute("defaultExpiry", today.plusMonths(settings.defaultMonths()));
        model.addAttribute("maxExpiry", today.plusMonths(settings.maxMonths()));
        model.addAttribute("defaultDocumentation", today.plusMonths(settings.documentationMonths()));
        model.addAttribute("defaultDeadline", today.plusDays(settings.actionDays()));
        model.addAttribute("members", members.all());
        model.addAttribute("userId", user.id());
        return "access/finding";
    }

    @MemberOnly
    @PostMapping("/analyser/{runId}/fund/{findingId}/accepter")
    String accept(@PathVariable long runId, @PathVariable long findingId, @RequestParam(required = false) String control,
                  @RequestParam(name = "function", required = false) List<String> functions,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
                  RedirectAttributes redirect) {
        StoredFinding finding = finding(runId, findingId);
        return decide(redirect, runId, findingId, "decision.accepted", () -> service.accept(current(), finding, control,
                new HashSet<>(functions == null ? List.of() : functions), expiresOn));
    }

    @MemberOnly
    @PostMapping("/analyser/{runId}/fund/{findingId}/afvis")
    String reject(@PathVariable long runId, @PathVariable long findingId, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String action, @RequestParam(required = false) Long owner,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                  RedirectAttributes redirect) {
        StoredFinding finding = finding(runId, findingId);
        return decide(redirect, runId, findingId, "decision.rejected",
                () -> service.reject(current(), finding, reason, action, owner, deadline));
    }

    @RequiresRole({Role.SECURITY_COORDINATOR, Role.SYSTEM_OWNER, Role.ADMINISTRATOR})
    @PostMapping("/analyser/{runId}/fund/{findingId}/dokumenter")
    String document(@PathVariable long runId, @PathVariable long findingId, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) String approvedBy,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
                    RedirectAttributes redirect) {
        StoredFinding finding = finding(runId, findingId);
        return decide(redirect, runId, findingId, "documentation.saved", () -> {
            service.document(current(), finding, reason, approvedBy, approvedOn, validUntil);
            return 0L;
        });
    }

    /** The cited rows as CSV: file, line and the row exactly as the file has it. */
    @MemberOnly
    @GetMapping("/analyser/{runId}/fund/{findingId}/kilderaekker.csv")
    void rows(@PathVariable long runId, @PathVariable long findingId, HttpServletResponse response) throws IOException {
        AnalysisRun run = run(runId);
        StoredFinding finding = finding(runId, findingId);
        List<CitedRows.CitedRow> rows = citedRows.of(run, finding);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("fund-" + runId + "-" + finding.seq() + "-kilderaekker.csv", StandardCharsets.UTF_8).build().toString());
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer)) {
            csv.writeRecord("fil", "linje", "overskrift", "raekke");
            for (CitedRows.CitedRow row : rows) {
                csv.writeRecord(SpreadsheetText.safe(row.file()), Long.toString(row.line()),
                        SpreadsheetText.safe(row.header()), SpreadsheetText.safe(row.text()));
            }
        }
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.EXPORT, "finding", finding.id(), null,
                Map.of("run", runId, "rows", rows.size())));
    }

    private String decide(RedirectAttributes redirect, long runId, long findingId, String success,
                          java.util.function.Supplier<Long> work) {
        try {
            work.get();
            redirect.addFlashAttribute("notice", success);
        } catch (DecisionProblem problem) {
            redirect.addFlashAttribute("failure", problem.messageKey());
        }
        return "redirect:/analyser/" + runId + "/fund/" + findingId;
    }

    private List<PrivilegedDocumentation> documentationOf(StoredFinding finding) {
        return java.util.Arrays.stream(finding.accounts().split(", ")).filter(ref -> ref.contains(":"))
                .flatMap(ref -> documentation.forAccount(ref.substring(0, ref.indexOf(':')),
                        ref.substring(ref.indexOf(':') + 1)).stream()).toList();
    }

    private static CurrentUser current() {
        return TenantContext.user().orElseThrow();
    }

    private AnalysisRun run(long runId) {
        return runs.findById(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private StoredFinding finding(long runId, long findingId) {
        Objects.requireNonNull(run(runId));
        return runs.finding(runId, findingId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.platform.tenancy.MemberOnly;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.platform.web.Paged;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The overview matrix (ACC-9): browsable a page at a time, and as the engine's XLSX workbook. */
@Controller
class MatrixController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RunRepository runs;
    private final RunDetailsRepository details;
    private final EvidenceStore store;
    private final AuditTrail audit;

    MatrixController(RunRepository runs, RunDetailsRepository details, EvidenceStore store, AuditTrail audit) {
        this.runs = runs;
        this.details = details;
        this.store = store;
        this.audit = audit;
    }

    @MemberOnly
    @GetMapping("/analyser/{runId}/matrix")
    String show(@PathVariable long runId, @RequestParam(defaultValue = "true") boolean konflikter,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        AnalysisRun run = run(runId);
        model.addAttribute("run", run);
        model.addAttribute("columns", details.columns(runId));
        model.addAttribute("conflictsOnly", konflikter);
        model.addAttribute("q", q);
        Paged<RunDetailsRepository.MatrixRow> rows = details.rows(runId, konflikter, q, Paged.clampPage(page));
        model.addAttribute("rows", rows);
        return "access/matrix";
    }

    @MemberOnly
    @GetMapping("/analyser/{runId}/matrix.xlsx")
    void xlsx(@PathVariable long runId, HttpServletResponse response) throws IOException {
        AnalysisRun run = run(runId);
        if (run.matrixSha256() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("matrix-analyse-" + runId + ".xlsx", StandardCharsets.UTF_8).build().toString());
        try (InputStream in = store.open(run.matrixSha256())) {
            in.transferTo(response.getOutputStream());
        }
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.EXPORT, "analysis-run", runId, null,
                Map.of("matrix", run.matrixSha256())));
    }

    private AnalysisRun run(long runId) {
        return runs.findById(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}

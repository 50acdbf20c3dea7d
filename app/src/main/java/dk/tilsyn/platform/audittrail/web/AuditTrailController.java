package dk.tilsyn.platform.audittrail.web;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditChainVerifier;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditQuery;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.audittrail.AuditTrailQueries;
import dk.tilsyn.platform.audittrail.ChainVerification;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.platform.web.Paged;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Browsing, exporting and verifying the institution's audit trail (revisionsspor). Read-only for everyone. */
@Controller
@RequiresRole({Role.AUDITOR, Role.SECURITY_COORDINATOR})
class AuditTrailController {

    private final AuditTrailQueries queries;
    private final AuditChainVerifier verifier;
    private final AuditTrail audit;

    AuditTrailController(AuditTrailQueries queries, AuditChainVerifier verifier, AuditTrail audit) {
        this.queries = queries;
        this.verifier = verifier;
        this.audit = audit;
    }

    @GetMapping("/revisionsspor")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "true") boolean logins, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        AuditQuery query = new AuditQuery(from, to, actor, action, type, q, logins, Paged.clampPage(page), Paged.DEFAULT_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("result", queries.search(query));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("types", queries.entityTypes());
        return htmx != null ? "audittrail/list :: results" : "audittrail/list";
    }

    @GetMapping("/revisionsspor/eksport")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "true") boolean logins, @RequestParam(defaultValue = "csv") String format,
                HttpServletResponse response) throws IOException {
        AuditQuery query = new AuditQuery(from, to, actor, action, type, q, logins, 1, Paged.MAX_SIZE);
        boolean xlsx = "xlsx".equals(format);
        // The export is itself an audited act: who took which part of the trail out, and when.
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("format", xlsx ? "xlsx" : "csv");
        filter.put("from", from == null ? null : from.toString());
        filter.put("to", to == null ? null : to.toString());
        filter.put("actor", actor);
        filter.put("action", action);
        filter.put("type", type);
        filter.put("text", q);
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.EXPORT, "audit-trail", null, null, filter));
        String name = "revisionsspor-" + TenantContext.user().orElseThrow().institution().code() + "-" + LocalDate.now()
                + (xlsx ? ".xlsx" : ".csv");
        response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        if (xlsx) {
            AuditExport.xlsx(response.getOutputStream(), sink -> queries.forEach(query, sink));
        } else {
            AuditExport.csv(response.getOutputStream(), sink -> queries.forEach(query, sink));
        }
    }

    @PostMapping("/revisionsspor/verificer")
    String verify(Model model) {
        long institution = TenantContext.institutionId();
        ChainVerification result = verifier.verify(institution);
        audit.record(AuditEvent.of(institution, AuditAction.VERIFY, "audit-trail", null, null,
                Map.of("intact", result.intact(), "entriesChecked", result.entriesChecked())));
        model.addAttribute("verification", result);
        if (TenantContext.user().orElseThrow().platformAdmin()) {
            model.addAttribute("platformVerification", verifier.verify(null));
        }
        return "audittrail/verify";
    }
}

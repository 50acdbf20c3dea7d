package dk.tilsyn.access.internal;

import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.organisation.OrgUnit;
import dk.tilsyn.organisation.PersonDirectory;
import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.platform.tenancy.MemberOnly;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.web.Choice;
import dk.tilsyn.platform.web.Paged;
import dk.tilsyn.systems.ItSystem;
import dk.tilsyn.systems.SystemRegister;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Analysis runs: start one on the accepted files, follow it, read its findings, take its report. */
@Controller
class RunsController {

    private static final List<String> SEVERITIES = Arrays.stream(Severity.values()).map(Severity::code).toList();

    private final RunService service;
    private final RunRepository runs;
    private final EvidenceStore store;
    private final SystemRegister systems;
    private final PersonDirectory persons;
    private final EvidenceRepository evidence;
    private final MessageSource messages;

    RunsController(RunService service, RunRepository runs, EvidenceStore store, SystemRegister systems,
                   PersonDirectory persons, EvidenceRepository evidence, MessageSource messages) {
        this.evidence = evidence;
        this.messages = messages;
        this.service = service;
        this.runs = runs;
        this.store = store;
        this.systems = systems;
        this.persons = persons;
    }

    @MemberOnly
    @GetMapping("/analyser")
    String list(Model model) {
        model.addAttribute("runs", runs.findAll());
        Map<Long, String> systemNames = new HashMap<>();
        systems.systems().forEach(system -> systemNames.put(system.id(), system.name()));
        List<Evidence> accepted = evidence.findAllAccepted();
        model.addAttribute("accepted", choices(accepted, systemNames));
        // What a start needs (RunService refuses it otherwise): said before the button, not only after a refusal.
        model.addAttribute("noExtract", accepted.stream().noneMatch(e -> e.kind() == EvidenceKind.EXTRACT));
        model.addAttribute("noPersons", persons.countPersons() == 0);
        model.addAttribute("reconcilable", choices(evidence.reconcilable(), systemNames));
        model.addAttribute("today", LocalDate.now());
        return "access/runs";
    }

    @RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR, Role.CONTROLLER})
    @PostMapping("/analyser")
    String start(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 @RequestParam(name = "evidence", required = false) List<Long> chosen,
                 @RequestParam(required = false) Long reconcileWith,
                 @RequestParam(required = false) String entitlements, RedirectAttributes redirect) {
        if (asOf == null || asOf.isAfter(LocalDate.now())) {
            redirect.addFlashAttribute("failure", "runs.problem.asOf");
            return "redirect:/analyser";
        }
        RunChoice.Reconcile reconcile = reconcileWith == null ? null : new RunChoice.Reconcile(reconcileWith,
                entitlements == null ? java.util.Set.of() : Arrays.stream(entitlements.split("[,;\\n]")).map(String::strip)
                        .filter(e -> !e.isEmpty()).collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
        try {
            return service.start(asOf, new RunChoice(chosen, reconcile)).map(id -> "redirect:/analyser/" + id).orElseGet(() -> {
                redirect.addFlashAttribute("failure", "runs.problem.noExtracts");
                return "redirect:/analyser";
            });
        } catch (DecisionProblem problem) {
            redirect.addFlashAttribute("failure", problem.messageKey());
            return "redirect:/analyser";
        }
    }

    @MemberOnly
    @GetMapping("/analyser/{runId}")
    String show(@PathVariable long runId, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String severity, @RequestParam(required = false) String status,
                @RequestParam(required = false) String rule,
                @RequestParam(required = false) String system, @RequestParam(required = false) Long unit,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "severity") String sort,
                @RequestParam(defaultValue = "false") boolean desc, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        AnalysisRun run = run(runId);
        if (htmx != null && run.finished()) {
            // The status poll saw the run finish: reload the whole page so the findings appear.
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", run);
        model.addAttribute("inputs", runs.inputs(runId).size());
        FindingFilter filter = new FindingFilter(kind, severity, status, rule, system, unit, q, sort, desc, Paged.clampPage(page));
        model.addAttribute("filter", filter);
        if (run.finished()) {
            model.addAttribute("kinds", Choice.options(Choice.of(runs.distinct(runId, "kind"), filter.kind())));
            model.addAttribute("rules", Choice.options(Choice.of(runs.distinct(runId, "rule"), filter.rule())));
            model.addAttribute("severities", Choice.options(Choice.of(SEVERITIES, filter.severity())));
            model.addAttribute("statuses", StoredFinding.STATUSES);
            model.addAttribute("systems", Choice.options(Choice.of(systems.systems(), ItSystem::systemKey, ItSystem::name,
                    filter.system())));
            model.addAttribute("units", Choice.options(Choice.of(persons.orgUnits(), OrgUnit::id, OrgUnit::name,
                    filter.orgUnitId())));
        }
        Paged<StoredFinding> findings = run.finished() ? runs.findings(run, filter)
                : new Paged<>(List.of(), 1, Paged.DEFAULT_SIZE, 0);
        model.addAttribute("findings", findings);
        model.addAttribute("rowsHtml", FindingRow.html(rows(findings.items(), request.getContextPath()),
                messages.getMessage("common.none", null, "–", LocaleContextHolder.getLocale())));
        return htmx != null && !run.finished() ? "access/run :: status" : "access/run";
    }

    /** The page's findings as lines of the list, each status in the reader's language. */
    private List<FindingRow> rows(List<StoredFinding> findings, String contextPath) {
        Map<String, String> statusLabels = new HashMap<>();
        StoredFinding.STATUSES.forEach(code -> statusLabels.put(code,
                messages.getMessage("finding.status." + code, null, code, LocaleContextHolder.getLocale())));
        return findings.stream().map(finding -> FindingRow.of(finding, contextPath, statusLabels)).toList();
    }

    /** New, resolved and unchanged findings since an earlier run (the previous finished one unless chosen). */
    @MemberOnly
    @GetMapping("/analyser/{runId}/sammenligning")
    String compare(@PathVariable long runId, @RequestParam(name = "med", required = false) Long earlierId, Model model) {
        AnalysisRun later = run(runId);
        java.util.Optional<AnalysisRun> earlier = earlierId == null ? runs.previousDone(runId) : runs.findById(earlierId);
        model.addAttribute("run", later);
        model.addAttribute("runs", runs.findAll().stream().filter(r -> r.id() != runId && "DONE".equals(r.status())).toList());
        if (earlier.isEmpty() || !later.finished() || !earlier.get().finished()) {
            model.addAttribute("comparison", null);
            return "access/compare";
        }
        model.addAttribute("comparison", RunComparison.of(earlier.get(), runs.allFindings(earlier.get().id()),
                later, runs.allFindings(runId)));
        return "access/compare";
    }

    @MemberOnly
    @GetMapping("/analyser/{runId}/rapport")
    void report(@PathVariable long runId, HttpServletResponse response) throws IOException {
        AnalysisRun run = run(runId);
        if (run.reportSha256() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        response.setContentType("application/json");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("analyse-" + runId + ".json", StandardCharsets.UTF_8).build().toString());
        try (InputStream in = store.open(run.reportSha256())) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** A file offered on the start form. */
    public record FileChoice(long id, String system, String kindKey, String fileName, LocalDate asOf) {
    }

    private static List<FileChoice> choices(List<Evidence> files, Map<Long, String> systemNames) {
        return files.stream()
                .map(e -> new FileChoice(e.id(), systemNames.get(e.systemId()), e.kind().messageKey(), e.fileName(), e.asOf()))
                .toList();
    }

    private AnalysisRun run(long runId) {
        return runs.findById(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}

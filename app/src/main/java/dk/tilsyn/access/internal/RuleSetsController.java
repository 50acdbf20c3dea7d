package dk.tilsyn.access.internal;

import dk.tilsyn.engine.rules.FunctionDef;
import dk.tilsyn.engine.rules.Rule;
import dk.tilsyn.engine.rules.RuleSet;
import dk.tilsyn.engine.rules.RuleSetException;
import dk.tilsyn.engine.rules.RuleSetLoader;
import dk.tilsyn.platform.tenancy.MemberOnly;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.tenancy.TenantContext;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule set as readable tables (the state's default and the institution's effective one), and the security
 * coordinator's editor for the institution's layer: validation at once, the impact on the latest run in the background
 * ({@link RuleSetPreviews}), then saving exactly the previewed text.
 */
@Controller
class RuleSetsController {

    private static final String EXAMPLE = """
            # Institutionens eget lag over statens standardregelsæt. Eksempel:
            id: min-institution
            version: "1"
            title: Institutionens lokale tilpasninger
            extends: oes-udbetalingsproces
            """;

    static final String PREVIEW_PATH = "/regelsaet/lag/forhaandsvisninger/{previewId}";
    /** How many findings of each kind the preview lists; the counts are always complete. */
    static final int SHOWN_FINDINGS = 1_000;

    private final RuleSetService service;
    private final RuleSetLayerRepository layers;
    private final RuleSetPreviews previews;
    private final RuleSetPreviewRepository previewRepository;
    private final RunRepository runs;

    RuleSetsController(RuleSetService service, RuleSetLayerRepository layers, RuleSetPreviews previews,
                       RuleSetPreviewRepository previewRepository, RunRepository runs) {
        this.service = service;
        this.layers = layers;
        this.previews = previews;
        this.previewRepository = previewRepository;
        this.runs = runs;
    }

    @MemberOnly
    @GetMapping("/regelsaet")
    String show(@RequestParam(defaultValue = "false") boolean standard, Model model) {
        RuleSet ruleSet = standard ? RuleSetLoader.loadDefault() : service.effective();
        model.addAttribute("standard", standard);
        model.addAttribute("ruleSet", ruleSet);
        model.addAttribute("functionsBySystem", functionsBySystem(ruleSet));
        model.addAttribute("rules", ruleSet.rules().stream().map(RuleView::of).toList());
        model.addAttribute("layer", layers.current().orElse(null));
        model.addAttribute("versions", layers.all());
        return "access/ruleset";
    }

    @MemberOnly
    @GetMapping("/regelsaet/versioner/{layerId}")
    String version(@PathVariable long layerId, Model model) {
        model.addAttribute("layer", layers.byId(layerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "access/ruleset-version";
    }

    @RequiresRole(Role.SECURITY_COORDINATOR)
    @GetMapping("/regelsaet/lag")
    String edit(Model model) {
        model.addAttribute("yaml", layers.current().map(RuleSetLayer::yaml).orElse(EXAMPLE));
        model.addAttribute("currentPreview", previewRepository.current().orElse(null));
        return "access/ruleset-edit";
    }

    /**
     * Checks the draft at once (the engine's loader names every problem and where it is); a valid draft's impact on
     * the latest run is computed in the background, and the user is sent to the preview that follows it.
     */
    @RequiresRole(Role.SECURITY_COORDINATOR)
    @PostMapping("/regelsaet/lag/forhaandsvisning")
    String preview(@RequestParam(required = false) String yaml, @RequestParam(required = false) String comment, Model model) {
        RuleSetService.Checked checked = service.check(yaml);
        if (!checked.valid()) {
            model.addAttribute("yaml", yaml == null ? "" : yaml);
            model.addAttribute("comment", comment);
            model.addAttribute("problems", checked.problems());
            return "access/ruleset-edit";
        }
        RuleSet ruleSet = checked.ruleSet();
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        long id = previews.start(new RuleSetPreviewRepository.Draft(yaml, RuleSetPreviews.sha256(yaml), why, ruleSet.id(),
                ruleSet.version(), ruleSet.functions().size(), ruleSet.rules().size()), TenantContext.user().orElseThrow().id());
        return "redirect:" + previewPath(id);
    }

    /** The draft with its impact: under way (the page polls this block), done, superseded by a newer draft, or stopped. */
    @RequiresRole(Role.SECURITY_COORDINATOR)
    @GetMapping(PREVIEW_PATH)
    String showPreview(@PathVariable long previewId, @RequestHeader(value = "HX-Request", required = false) String htmx,
                       Model model) {
        RuleSetPreview preview = previewRepository.findById(previewId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String shown = previews.shownStatus(preview);
        model.addAttribute("preview", preview);
        model.addAttribute("shownStatus", shown);
        model.addAttribute("previewPath", previewPath(preview.id()));
        model.addAttribute("shownFindings", SHOWN_FINDINGS);
        if ("DONE".equals(shown) && preview.runId() != null) {
            model.addAttribute("appear", previewRepository.findings(preview.id(), "APPEAR", SHOWN_FINDINGS));
            model.addAttribute("disappear", previewRepository.findings(preview.id(), "DISAPPEAR", SHOWN_FINDINGS));
            runs.latestDone().map(AnalysisRun::id).filter(latest -> !latest.equals(preview.runId()))
                    .ifPresent(latest -> model.addAttribute("newerRun", latest));
        }
        if ("SUPERSEDED".equals(shown)) {
            previewRepository.current().ifPresent(current -> model.addAttribute("currentPreview", current));
        }
        if (htmx != null) {
            return "access/ruleset-edit :: preview";
        }
        model.addAttribute("yaml", preview.yaml());
        model.addAttribute("comment", preview.comment());
        return "access/ruleset-edit";
    }

    /**
     * Saves the layer. From a preview, {@code draft} is the SHA-256 of the text whose impact was shown: a text edited
     * since is refused, so what is saved is always what was previewed.
     */
    @RequiresRole(Role.SECURITY_COORDINATOR)
    @PostMapping("/regelsaet/lag")
    String save(@RequestParam(required = false) String yaml, @RequestParam(required = false) String comment,
                @RequestParam(required = false) String draft, Model model, RedirectAttributes redirect) {
        model.addAttribute("yaml", yaml == null ? "" : yaml);
        model.addAttribute("comment", comment);
        if (draft != null && (yaml == null || !draft.equals(RuleSetPreviews.sha256(yaml)))) {
            model.addAttribute("draftChanged", true);
            return "access/ruleset-edit";
        }
        try {
            int version = service.save(yaml, comment, TenantContext.user().orElseThrow().id());
            redirect.addFlashAttribute("notice", "ruleset.saved");
            redirect.addFlashAttribute("savedVersion", version);
            return "redirect:/regelsaet";
        } catch (RuleSetException e) {
            model.addAttribute("problems", e.problems());
            return "access/ruleset-edit";
        }
    }

    static String previewPath(long previewId) {
        return "/regelsaet/lag/forhaandsvisninger/" + previewId;
    }

    private static Map<String, List<FunctionView>> functionsBySystem(RuleSet ruleSet) {
        Map<String, List<FunctionView>> bySystem = new LinkedHashMap<>();
        ruleSet.systems().forEach(system -> bySystem.put(system.name() == null ? system.id() : system.name(),
                ruleSet.functions().stream().filter(f -> f.system().equals(system.id())).map(FunctionView::of).toList()));
        return bySystem;
    }

    /** A function as the page shows it. */
    public record FunctionView(String id, String title, boolean privileged, String grant, String tags, String source) {
        static FunctionView of(FunctionDef f) {
            return new FunctionView(f.qualifiedId(), f.title(), f.privileged(),
                    f.grant() == null ? "" : ConditionText.of(f.grant()), String.join(", ", f.tags()), f.source());
        }
    }

    /** A rule as the page shows it: which functions together make the finding. */
    public record RuleView(String id, String title, String severity, String kind, String functions, String source) {
        static RuleView of(Rule r) {
            String all = String.join(" + ", r.allOf());
            String any = r.anyOf().stream().map(group -> "én af (" + String.join(", ", group) + ")")
                    .collect(java.util.stream.Collectors.joining(" + "));
            return new RuleView(r.id(), r.title(), r.severity().code(), r.kind().code(),
                    all.isEmpty() ? any : any.isEmpty() ? all : all + " + " + any, r.source());
        }
    }
}

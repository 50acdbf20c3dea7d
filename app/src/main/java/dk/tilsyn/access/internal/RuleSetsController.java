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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule set as readable tables (the state's default and the institution's effective one), and the security
 * coordinator's editor for the institution's layer with validation and the impact on the latest run.
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

    private final RuleSetService service;
    private final RuleSetLayerRepository layers;

    RuleSetsController(RuleSetService service, RuleSetLayerRepository layers) {
        this.service = service;
        this.layers = layers;
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
        return "access/ruleset-edit";
    }

    /** Validates the layer and shows what it would change in the latest run, without saving. */
    @RequiresRole(Role.SECURITY_COORDINATOR)
    @PostMapping("/regelsaet/lag/forhaandsvisning")
    String preview(@RequestParam(required = false) String yaml, @RequestParam(required = false) String comment, Model model) {
        model.addAttribute("yaml", yaml == null ? "" : yaml);
        model.addAttribute("comment", comment);
        RuleSetService.Checked checked = service.check(yaml);
        model.addAttribute("problems", checked.problems());
        if (checked.valid()) {
            model.addAttribute("checked", checked.ruleSet());
            model.addAttribute("impact", service.impact(yaml).orElse(null));
        }
        return "access/ruleset-edit";
    }

    @RequiresRole(Role.SECURITY_COORDINATOR)
    @PostMapping("/regelsaet/lag")
    String save(@RequestParam(required = false) String yaml, @RequestParam(required = false) String comment, Model model,
                RedirectAttributes redirect) {
        try {
            int version = service.save(yaml, comment, TenantContext.user().orElseThrow().id());
            redirect.addFlashAttribute("notice", "ruleset.saved");
            redirect.addFlashAttribute("savedVersion", version);
            return "redirect:/regelsaet";
        } catch (RuleSetException e) {
            model.addAttribute("yaml", yaml == null ? "" : yaml);
            model.addAttribute("comment", comment);
            model.addAttribute("problems", e.problems());
            return "access/ruleset-edit";
        }
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

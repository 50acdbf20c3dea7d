package dk.tilsyn.systems.internal;

import dk.tilsyn.engine.profiles.ProfileLoader;
import dk.tilsyn.platform.tenancy.MemberOnly;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.systems.ItSystem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** The systems in scope: everyone in the institution may see them; those who run controls maintain them. */
@Controller
class SystemsController {

    /** The system ids the default rule set knows, offered as suggestions. */
    static final List<String> KNOWN_KEYS = List.of("rejsud", "indfak", "navision", "district", "nemkonto", "sap");

    private final SystemService systems;
    private final SystemRepository repository;

    SystemsController(SystemService systems, SystemRepository repository) {
        this.systems = systems;
        this.repository = repository;
    }

    @ModelAttribute("profiles")
    List<String> profiles() {
        return ProfileLoader.SHIPPED;
    }

    @ModelAttribute("knownKeys")
    List<String> knownKeys() {
        return KNOWN_KEYS;
    }

    @MemberOnly
    @GetMapping("/systemer")
    String list(Model model) {
        model.addAttribute("systems", systems.systems());
        model.addAttribute("form", SystemForm.of("", "", ""));
        return "systems/list";
    }

    @RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR, Role.CONTROLLER})
    @PostMapping("/systemer")
    String add(@RequestParam String key, @RequestParam String name, @RequestParam(required = false) String profile,
               Model model, RedirectAttributes redirect) {
        SystemForm form = SystemForm.of(key, name, profile);
        SystemService.Result result = systems.add(form);
        if (!result.problems().isEmpty()) {
            model.addAttribute("systems", systems.systems());
            model.addAttribute("form", form);
            model.addAttribute("problems", result.problems());
            return "systems/list";
        }
        redirect.addFlashAttribute("notice", "systems.added");
        return "redirect:/systemer/" + result.id();
    }

    @MemberOnly
    @GetMapping("/systemer/{systemId}")
    String show(@PathVariable long systemId, Model model) {
        ItSystem system = find(systemId);
        model.addAttribute("system", system);
        model.addAttribute("form", SystemForm.of(system.systemKey(), system.name(), system.importProfile()));
        return "systems/system";
    }

    @RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR, Role.CONTROLLER})
    @PostMapping("/systemer/{systemId}")
    String change(@PathVariable long systemId, @RequestParam String name,
                  @RequestParam(required = false) String profile, Model model, RedirectAttributes redirect) {
        ItSystem system = find(systemId);
        SystemForm form = SystemForm.of(system.systemKey(), name, profile);
        List<String> problems = systems.change(system, form);
        if (!problems.isEmpty()) {
            model.addAttribute("system", system);
            model.addAttribute("form", form);
            model.addAttribute("problems", problems);
            return "systems/system";
        }
        redirect.addFlashAttribute("notice", "systems.saved");
        return "redirect:/systemer/" + systemId;
    }

    private ItSystem find(long systemId) {
        return repository.findById(systemId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}

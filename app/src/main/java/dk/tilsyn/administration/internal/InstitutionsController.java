package dk.tilsyn.administration.internal;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.identity.InstitutionRepository;
import dk.tilsyn.platform.identity.InstitutionService;
import dk.tilsyn.platform.identity.NewUser;
import dk.tilsyn.platform.identity.UserRepository;
import dk.tilsyn.platform.identity.UserService;
import dk.tilsyn.platform.security.OneTimePasswords;
import dk.tilsyn.platform.tenancy.PlatformAdminOnly;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Institutions of the installation. Only platform administrators create them and appoint each one's first
 * administrator; from then on the institution's own administrators manage its users.
 */
@Controller
@PlatformAdminOnly
class InstitutionsController {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{2,64}");

    private final InstitutionRepository institutions;
    private final InstitutionService institutionService;
    private final UserRepository users;
    private final UserService userService;

    InstitutionsController(InstitutionRepository institutions, InstitutionService institutionService,
                           UserRepository users, UserService userService) {
        this.institutions = institutions;
        this.institutionService = institutionService;
        this.users = users;
        this.userService = userService;
    }

    @GetMapping("/administration/institutioner")
    String list(Model model) {
        model.addAttribute("institutions", institutions.findAll());
        return "administration/institutions";
    }

    @PostMapping("/administration/institutioner")
    @Transactional
    String create(@RequestParam String code, @RequestParam String name, @RequestParam String adminUsername,
                  @RequestParam(required = false) String adminName, Model model, RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        if (!CODE.matcher(code.strip()).matches()) {
            problems.add("admin.institution.problem.code");
        } else if (institutions.findByCode(code.strip()).isPresent()) {
            problems.add("admin.institution.problem.codeTaken");
        }
        if (name.isBlank() || name.length() > 200) {
            problems.add("admin.institution.problem.name");
        }
        Optional<AppUser> existing = adminUsername.isBlank() ? Optional.empty() : users.findByUsername(adminUsername);
        if (adminUsername.isBlank() || (existing.isEmpty() && (adminName == null || adminName.isBlank()))) {
            problems.add("admin.institution.problem.admin");
        }
        if (!problems.isEmpty()) {
            model.addAttribute("institutions", institutions.findAll());
            model.addAttribute("problems", problems);
            return "administration/institutions";
        }
        Institution created = institutionService.create(code, name);
        String password = null;
        AppUser admin = existing.orElse(null);
        if (admin == null) {
            password = OneTimePasswords.generate();
            admin = userService.create(new NewUser(adminUsername, adminName.strip(), null, true, false), password, created.id());
        }
        userService.grant(admin.id(), created.id(), Role.ADMINISTRATOR, TenantContext.user().orElseThrow().id());
        redirect.addFlashAttribute("notice", "admin.institution.createdNotice");
        redirect.addFlashAttribute("oneTimePassword", password);
        redirect.addFlashAttribute("oneTimeUser", admin.username());
        return "redirect:/administration/institutioner";
    }
}

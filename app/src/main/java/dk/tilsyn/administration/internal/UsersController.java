package dk.tilsyn.administration.internal;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.NewUser;
import dk.tilsyn.platform.identity.RoleGrant;
import dk.tilsyn.platform.identity.RoleRepository;
import dk.tilsyn.platform.identity.UserRepository;
import dk.tilsyn.platform.identity.UserService;
import dk.tilsyn.platform.security.OneTimePasswords;
import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users of the current institution and their roles. An administrator sees and changes only users who hold a role
 * in the administrator's current institution, and only their roles there.
 */
@Controller
@RequiresRole(Role.ADMINISTRATOR)
class UsersController {

    private final UserRepository users;
    private final RoleRepository roles;
    private final UserService userService;

    UsersController(UserRepository users, RoleRepository roles, UserService userService) {
        this.users = users;
        this.roles = roles;
        this.userService = userService;
    }

    @GetMapping("/administration")
    String list(Model model) {
        long institution = TenantContext.institutionId();
        Map<Long, Set<Role>> rolesByUser = roles.findByInstitution(institution).stream()
                .collect(Collectors.groupingBy(RoleGrant::userId,
                        Collectors.mapping(RoleGrant::role, Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
        model.addAttribute("users", users.findByInstitution(institution));
        model.addAttribute("rolesByUser", rolesByUser);
        return "administration/users";
    }

    @GetMapping("/administration/brugere/ny")
    String newUser(Model model) {
        model.addAttribute("form", new UserForm("", "", "", true, Set.of()));
        model.addAttribute("allRoles", Role.values());
        return "administration/user-new";
    }

    @PostMapping("/administration/brugere/ny")
    @Transactional
    String create(@RequestParam String username, @RequestParam String displayName,
                  @RequestParam(required = false) String email,
                  @RequestParam(defaultValue = "local") String login,
                  @RequestParam(name = "role", required = false) List<Role> chosenRoles,
                  Model model, RedirectAttributes redirect) {
        UserForm form = new UserForm(username, displayName, email, "local".equals(login),
                chosenRoles == null ? Set.of() : EnumSet.copyOf(chosenRoles));
        List<String> problems = new java.util.ArrayList<>(form.problems());
        Optional<AppUser> existing = problems.isEmpty() ? users.findByUsername(form.username()) : Optional.empty();
        if (existing.isPresent() && !mayLink(existing.get())) {
            // Another institution's user: saying no more than "taken" keeps their details and memberships private.
            problems.add("admin.user.problem.usernameTaken");
        }
        if (!problems.isEmpty()) {
            model.addAttribute("form", form);
            model.addAttribute("allRoles", Role.values());
            model.addAttribute("problems", problems);
            return "administration/user-new";
        }
        long institution = TenantContext.institutionId();
        long actor = me().id();
        String password = null;
        AppUser user;
        if (existing.isPresent()) {
            // A user this administrator already administers elsewhere (a service centre serving several
            // institutions) is given roles here; their password and other institutions are left alone.
            user = existing.get();
            redirect.addFlashAttribute("notice", "admin.user.existingGranted");
        } else {
            password = form.localLogin() ? OneTimePasswords.generate() : null;
            user = userService.create(new NewUser(form.username(), form.displayName().strip(), form.emailOrNull(),
                    password != null, false), password, institution);
            redirect.addFlashAttribute("notice", "admin.user.created");
        }
        for (Role role : form.roles()) {
            userService.grant(user.id(), institution, role, actor);
        }
        redirect.addFlashAttribute("oneTimePassword", password);
        return "redirect:/administration/brugere/" + user.id();
    }

    @GetMapping("/administration/brugere/{userId}")
    String show(@PathVariable long userId, Model model) {
        AppUser user = memberOfThisInstitution(userId);
        model.addAttribute("user", user);
        model.addAttribute("held", heldRoles(userId));
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("onlyHere", onlyInThisInstitution(userId));
        return "administration/user";
    }

    @PostMapping("/administration/brugere/{userId}/roller")
    @Transactional
    String updateRoles(@PathVariable long userId, @RequestParam(name = "role", required = false) List<Role> wanted,
                       RedirectAttributes redirect) {
        memberOfThisInstitution(userId);
        long institution = TenantContext.institutionId();
        Set<Role> target = wanted == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(wanted);
        Set<Role> held = heldRoles(userId);
        if (held.contains(Role.ADMINISTRATOR) && !target.contains(Role.ADMINISTRATOR)
                && roles.countWithRole(institution, Role.ADMINISTRATOR) <= 1) {
            redirect.addFlashAttribute("failure", "admin.user.lastAdministrator");
            return "redirect:/administration/brugere/" + userId;
        }
        long actor = me().id();
        for (Role role : Role.values()) {
            if (target.contains(role) && !held.contains(role)) {
                userService.grant(userId, institution, role, actor);
            } else if (!target.contains(role) && held.contains(role)) {
                userService.revoke(userId, institution, role);
            }
        }
        redirect.addFlashAttribute("notice", target.isEmpty() ? "admin.user.removed" : "admin.user.rolesSaved");
        return target.isEmpty() ? "redirect:/administration" : "redirect:/administration/brugere/" + userId;
    }

    @PostMapping("/administration/brugere/{userId}/adgangskode")
    String resetPassword(@PathVariable long userId, RedirectAttributes redirect) {
        AppUser user = memberOfThisInstitution(userId);
        if (!onlyInThisInstitution(userId) || !user.hasLocalPassword()) {
            redirect.addFlashAttribute("failure", "admin.user.notManagedHere");
            return "redirect:/administration/brugere/" + userId;
        }
        String password = OneTimePasswords.generate();
        userService.changePassword(user, password, true, TenantContext.institutionId());
        redirect.addFlashAttribute("oneTimePassword", password);
        return "redirect:/administration/brugere/" + userId;
    }

    @PostMapping("/administration/brugere/{userId}/status")
    String setEnabled(@PathVariable long userId, @RequestParam boolean enabled, RedirectAttributes redirect) {
        AppUser user = memberOfThisInstitution(userId);
        if (!onlyInThisInstitution(userId) || user.id() == me().id()) {
            redirect.addFlashAttribute("failure", "admin.user.notManagedHere");
            return "redirect:/administration/brugere/" + userId;
        }
        userService.setEnabled(user, enabled, TenantContext.institutionId());
        redirect.addFlashAttribute("notice", enabled ? "admin.user.enabled" : "admin.user.disabled");
        return "redirect:/administration/brugere/" + userId;
    }

    /**
     * Linking an existing user into this institution is allowed only for a platform administrator, or for an
     * administrator who already administers every institution the user belongs to: no one can pull in, and then
     * read, another institution's user.
     */
    private boolean mayLink(AppUser user) {
        CurrentUser me = me();
        if (me.platformAdmin()) {
            return true;
        }
        return roles.findByUser(user.id()).stream().map(RoleGrant::institutionId).distinct()
                .allMatch(institution -> me.rolesByInstitution().getOrDefault(institution, Set.of()).contains(Role.ADMINISTRATOR));
    }

    private AppUser memberOfThisInstitution(long userId) {
        if (heldRoles(userId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return users.findById(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Set<Role> heldRoles(long userId) {
        long institution = TenantContext.institutionId();
        Set<Role> held = EnumSet.noneOf(Role.class);
        roles.findByUser(userId).stream().filter(g -> g.institutionId() == institution).forEach(g -> held.add(g.role()));
        return held;
    }

    /** Password and account state are global; an institution's administrator manages them only for its own users. */
    private boolean onlyInThisInstitution(long userId) {
        long institution = TenantContext.institutionId();
        return roles.findByUser(userId).stream().allMatch(g -> g.institutionId() == institution);
    }

    private static CurrentUser me() {
        return TenantContext.user().orElseThrow();
    }
}

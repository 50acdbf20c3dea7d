package dk.tilsyn.platform.web;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.UserRepository;
import dk.tilsyn.platform.identity.UserService;
import dk.tilsyn.platform.security.PasswordPolicy;
import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.platform.tenancy.WithoutInstitution;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;

/** The signed-in user's own account: roles per institution, password change, and switching institution. */
@Controller
@WithoutInstitution
class AccountController {

    private final UserRepository users;
    private final UserService userService;

    AccountController(UserRepository users, UserService userService) {
        this.users = users;
        this.userService = userService;
    }

    @ModelAttribute("passwordMinLength")
    int passwordMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    @GetMapping("/konto")
    String account(Model model) {
        model.addAttribute("account", me());
        return "platform/account";
    }

    @GetMapping("/konto/adgangskode")
    String passwordForm(Model model) {
        model.addAttribute("account", me());
        return "platform/password";
    }

    @PostMapping("/konto/adgangskode")
    String changePassword(@RequestParam String current, @RequestParam String password, @RequestParam String repeat,
                          Model model, RedirectAttributes redirect) {
        AppUser me = me();
        List<String> problems = new ArrayList<>();
        if (!me.hasLocalPassword()) {
            problems.add("password.noLocalAccount");
        } else if (!userService.passwordMatches(me, current)) {
            problems.add("password.currentWrong");
        }
        if (!password.equals(repeat)) {
            problems.add("password.mismatch");
        }
        problems.addAll(PasswordPolicy.problems(password, me.username()));
        if (userService.passwordMatches(me, password)) {
            problems.add("password.sameAsOld");
        }
        if (!problems.isEmpty()) {
            model.addAttribute("account", me);
            model.addAttribute("problems", problems);
            return "platform/password";
        }
        Long institution = TenantContext.user().map(CurrentUser::institution).map(i -> i.id()).orElse(null);
        userService.changePassword(me, password, false, institution);
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:/";
    }

    @PostMapping("/institution")
    String switchInstitution(@RequestParam long institutionId, HttpSession session) {
        CurrentUser user = TenantContext.user().orElseThrow();
        // Only institutions where the user holds a role can be chosen; anything else is ignored silently.
        if (user.rolesByInstitution().containsKey(institutionId)) {
            session.setAttribute(AccessInterceptor.INSTITUTION_ATTRIBUTE, institutionId);
        }
        return "redirect:/";
    }

    private AppUser me() {
        return users.findById(TenantContext.user().orElseThrow().id()).orElseThrow();
    }
}

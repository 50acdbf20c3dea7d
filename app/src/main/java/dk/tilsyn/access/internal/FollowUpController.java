package dk.tilsyn.access.internal;

import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.MemberOnly;
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

import java.time.LocalDate;

/** What follows a position: removal actions to carry out, and the user's notices. */
@Controller
class FollowUpController {

    private final DecisionRepository decisions;
    private final DecisionService service;
    private final NoticeRepository notices;

    FollowUpController(DecisionRepository decisions, DecisionService service, NoticeRepository notices) {
        this.decisions = decisions;
        this.service = service;
        this.notices = notices;
    }

    @MemberOnly
    @GetMapping("/handlinger")
    String actions(@RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("actions", decisions.actions(!all));
        model.addAttribute("all", all);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("userId", TenantContext.user().orElseThrow().id());
        return "access/actions";
    }

    @MemberOnly
    @PostMapping("/handlinger/{actionId}/udfoert")
    String complete(@PathVariable long actionId, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        AccessAction action = decisions.action(actionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CurrentUser user = TenantContext.user().orElseThrow();
        if (action.ownerId() != user.id() && !user.hasAnyRole(Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR)) {
            redirect.addFlashAttribute("failure", "action.problem.notOwner");
            return "redirect:/handlinger";
        }
        try {
            service.completeAction(user, action, note);
            redirect.addFlashAttribute("notice", "action.completed");
        } catch (DecisionProblem problem) {
            redirect.addFlashAttribute("failure", problem.messageKey());
        }
        return "redirect:/handlinger";
    }

    @MemberOnly
    @GetMapping("/beskeder")
    String notices(Model model) {
        model.addAttribute("notices", notices.of(TenantContext.user().orElseThrow().id()));
        return "access/notices";
    }

    @MemberOnly
    @PostMapping("/beskeder/laest")
    String markRead() {
        notices.markAllRead(TenantContext.user().orElseThrow().id());
        return "redirect:/beskeder";
    }
}

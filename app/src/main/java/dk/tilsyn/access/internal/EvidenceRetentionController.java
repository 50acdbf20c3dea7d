package dk.tilsyn.access.internal;

import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.systems.SystemRegister;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator deletes an original that is no longer in use (retention). */
@Controller
class EvidenceRetentionController {

    private final EvidenceRetention retention;
    private final EvidenceRepository evidence;
    private final SystemRegister systems;

    EvidenceRetentionController(EvidenceRetention retention, EvidenceRepository evidence, SystemRegister systems) {
        this.retention = retention;
        this.evidence = evidence;
        this.systems = systems;
    }

    @RequiresRole(Role.ADMINISTRATOR)
    @PostMapping("/systemer/{systemId}/udtraek/{evidenceId}/slet")
    String delete(@PathVariable long systemId, @PathVariable long evidenceId, @RequestParam(required = false) String reason,
                  @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        systems.findById(systemId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Evidence upload = evidence.findById(systemId, evidenceId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            retention.delete(upload, reason, confirm);
            redirect.addFlashAttribute("notice", "evidence.deleted");
        } catch (DecisionProblem problem) {
            redirect.addFlashAttribute("failure", problem.messageKey());
        }
        return "redirect:/systemer/" + systemId + "/udtraek/" + evidenceId;
    }
}

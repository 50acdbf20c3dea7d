package dk.tilsyn.access.internal;

import dk.tilsyn.organisation.PersonDirectory;
import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.systems.SystemRegister;
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

import java.util.HashMap;
import java.util.Map;

/** Administrators appoint who answers for the findings of an org unit or a system. */
@Controller
class ResponsibilitiesController {

    private final ResponsibilityRepository responsibilities;
    private final InstitutionMembers members;
    private final PersonDirectory persons;
    private final SystemRegister systems;
    private final AuditTrail audit;

    ResponsibilitiesController(ResponsibilityRepository responsibilities, InstitutionMembers members,
                               PersonDirectory persons, SystemRegister systems, AuditTrail audit) {
        this.responsibilities = responsibilities;
        this.members = members;
        this.persons = persons;
        this.systems = systems;
        this.audit = audit;
    }

    @RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR})
    @GetMapping("/ansvar")
    String list(Model model) {
        model.addAttribute("responsibilities", responsibilities.findAll());
        model.addAttribute("members", members.all());
        model.addAttribute("units", persons.orgUnits());
        model.addAttribute("systems", systems.systems());
        return "access/responsibilities";
    }

    @RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR})
    @PostMapping("/ansvar")
    @Transactional
    String add(@RequestParam(required = false) Long user, @RequestParam(required = false) String scope,
               RedirectAttributes redirect) {
        Long unit = scope != null && scope.startsWith("unit:") ? number(scope.substring(5)) : null;
        Long system = scope != null && scope.startsWith("system:") ? number(scope.substring(7)) : null;
        boolean member = user != null && members.isMember(user);
        boolean unitKnown = unit != null && persons.orgUnits().stream().anyMatch(u -> u.id() == unit);
        boolean systemKnown = system != null && systems.findById(system).isPresent();
        if (!member || !(unitKnown || systemKnown)) {
            redirect.addFlashAttribute("failure", "responsibility.problem");
            return "redirect:/ansvar";
        }
        long id = responsibilities.insert(user, unitKnown ? unit : null, systemKnown ? system : null,
                TenantContext.user().orElseThrow().id());
        Map<String, Object> after = new HashMap<>();
        after.put("user", user);
        after.put(unitKnown ? "orgUnit" : "system", unitKnown ? unit : system);
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.CREATE, "responsibility", id, null, after));
        redirect.addFlashAttribute("notice", "responsibility.saved");
        return "redirect:/ansvar";
    }

    @RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR})
    @PostMapping("/ansvar/{responsibilityId}/fjern")
    @Transactional
    String remove(@PathVariable long responsibilityId, RedirectAttributes redirect) {
        Responsibility existing = responsibilities.findById(responsibilityId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        responsibilities.delete(responsibilityId);
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.DELETE, "responsibility", responsibilityId,
                Map.of("user", existing.userId(), "scope", existing.orgUnitId() != null
                        ? "orgUnit " + existing.orgUnitId() : "system " + existing.systemId()), null));
        redirect.addFlashAttribute("notice", "responsibility.removed");
        return "redirect:/ansvar";
    }

    private static Long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

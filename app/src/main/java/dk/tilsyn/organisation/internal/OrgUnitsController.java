package dk.tilsyn.organisation.internal;

import dk.tilsyn.organisation.OrgUnit;
import dk.tilsyn.platform.tenancy.MemberOnly;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The org-unit tree and one unit's page. */
@Controller
@MemberOnly
class OrgUnitsController {

    private final OrgUnitRepository units;

    OrgUnitsController(OrgUnitRepository units) {
        this.units = units;
    }

    @GetMapping("/organisation")
    String tree(Model model) {
        model.addAttribute("tree", OrgTree.of(units.findAll(), units.personCounts()));
        return "organisation/units";
    }

    @GetMapping("/organisation/enheder/{orgUnitId}")
    String show(@PathVariable long orgUnitId, Model model) {
        OrgUnit unit = units.findById(orgUnitId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("unit", unit);
        model.addAttribute("parent", unit.parentId() == null ? null : units.findById(unit.parentId()).orElse(null));
        model.addAttribute("children", units.findAll().stream().filter(u -> Long.valueOf(unit.id()).equals(u.parentId())).toList());
        model.addAttribute("persons", units.personCounts().getOrDefault(unit.id(), 0L));
        return "organisation/unit";
    }
}

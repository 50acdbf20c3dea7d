package dk.tilsyn.organisation.internal;

import dk.tilsyn.organisation.Person;
import dk.tilsyn.platform.tenancy.MemberOnly;
import dk.tilsyn.platform.web.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;

/** Lists and shows the institution's persons. Searching with htmx swaps only the result table. */
@Controller
@MemberOnly
class PersonsController {

    private final PersonRepository persons;
    private final OrgUnitRepository units;

    PersonsController(PersonRepository persons, OrgUnitRepository units) {
        this.persons = persons;
        this.units = units;
    }

    @GetMapping("/organisation/personer")
    String list(@RequestParam(required = false) String q,
                @RequestParam(required = false) Long unit,
                @RequestParam(defaultValue = "all") String status,
                @RequestParam(defaultValue = "name") String sort,
                @RequestParam(defaultValue = "false") boolean desc,
                @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        PersonQuery query = new PersonQuery(q, unit, status, sort, desc, Paged.clampPage(page), Paged.DEFAULT_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("result", persons.search(query));
        model.addAttribute("units", units.findAll());
        model.addAttribute("today", LocalDate.now());
        return htmx != null ? "organisation/persons :: results" : "organisation/persons";
    }

    @GetMapping("/organisation/personer/{personId}")
    String show(@PathVariable long personId, Model model) {
        Person person = persons.findById(personId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("person", person);
        model.addAttribute("manager", person.managerKey() == null ? null : persons.findByKey(person.managerKey()).orElse(null));
        model.addAttribute("reports", persons.findReports(person.personKey()));
        model.addAttribute("today", LocalDate.now());
        return "organisation/person";
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.organisation.Person;
import dk.tilsyn.organisation.PersonDirectory;
import dk.tilsyn.platform.tenancy.MemberOnly;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "One person, all systems" (004 §5.7): the person's accounts across systems with their entitlements, the functions
 * they give, the findings and the positions taken — from the latest finished run.
 */
@Controller
class PersonAccessController {

    private final PersonDirectory persons;
    private final RunRepository runs;
    private final RunDetailsRepository details;
    private final DocumentationRepository documentation;

    PersonAccessController(PersonDirectory persons, RunRepository runs, RunDetailsRepository details,
                           DocumentationRepository documentation) {
        this.documentation = documentation;
        this.persons = persons;
        this.runs = runs;
        this.details = details;
    }

    @MemberOnly
    @GetMapping("/personadgang/{personKey}")
    String show(@PathVariable String personKey, Model model) {
        Optional<Person> person = persons.findByKey(personKey);
        Optional<AnalysisRun> run = runs.latestDone();
        List<RunDetailsRepository.MatrixRow> rows = run.map(r -> details.rowsOf(r.id(), personKey)).orElse(List.of());
        boolean inRun = !rows.isEmpty();
        if (person.isEmpty() && !inRun) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("personKey", personKey);
        model.addAttribute("person", person.orElse(null));
        model.addAttribute("run", run.orElse(null));
        if (run.isPresent()) {
            long runId = run.get().id();

            model.addAttribute("functions", functionsOf(runId, rows));
            model.addAttribute("findings", runs.findingsOf(runId, personKey));
            List<RunDetailsRepository.RunAccount> accounts = details.accountsOf(runId, personKey);
            model.addAttribute("accounts", accounts);
            model.addAttribute("documentation", documentation.forPerson(runId, personKey));
        }
        return "access/person";
    }

    /** The functions the person's row of the matrix holds, marking those in a conflict. */
    private List<HeldFunction> functionsOf(long runId, List<RunDetailsRepository.MatrixRow> rows) {
        List<RunDetailsRepository.MatrixColumn> columns = details.columns(runId);
        List<HeldFunction> held = new ArrayList<>();
        for (RunDetailsRepository.MatrixRow row : rows) {
            for (RunDetailsRepository.MatrixColumn column : columns) {
                if (row.holds(column.idx())) {
                    held.add(new HeldFunction(column.systemName() == null ? column.systemKey() : column.systemName(),
                            column.title(), column.privileged(), row.conflicts(column.idx())));
                }
            }
        }
        return held;
    }

    /** A function the person can perform. */
    public record HeldFunction(String system, String function, boolean privileged, boolean conflict) {
    }
}

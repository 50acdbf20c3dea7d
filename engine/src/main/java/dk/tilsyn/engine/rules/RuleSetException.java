package dk.tilsyn.engine.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set could not be loaded; every problem names the document and the YAML path. */
public class RuleSetException extends RuntimeException {

    private final transient List<RuleSetProblem> problems;

    public RuleSetException(List<RuleSetProblem> problems) {
        super(problems.stream().map(RuleSetProblem::toString)
                .collect(Collectors.joining("\n", "Regelsættet har " + problems.size() + " fejl:\n", "")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}

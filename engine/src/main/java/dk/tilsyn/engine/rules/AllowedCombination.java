package dk.tilsyn.engine.rules;

import java.util.List;

/**
 * A combination of functions one person may hold because the system itself separates them per transaction
 * (004 §5.1: such separations are outside the controls). A rule set in which a rule would fire on an allowed
 * combination does not load.
 */
public record AllowedCombination(String id, List<String> functions, String source, String reason) {

    public AllowedCombination {
        functions = List.copyOf(functions);
    }
}

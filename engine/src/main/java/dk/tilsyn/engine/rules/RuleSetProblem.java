package dk.tilsyn.engine.rules;

/**
 * One thing wrong with a rule set document.
 *
 * @param origin the file or resource
 * @param path   where in the YAML, e.g. {@code systems[1].functions[0].grant.all-of[1]}
 */
public record RuleSetProblem(String origin, String path, String message) {

    @Override
    public String toString() {
        return origin + ": " + path + ": " + message;
    }
}

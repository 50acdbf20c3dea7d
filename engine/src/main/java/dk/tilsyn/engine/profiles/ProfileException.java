package dk.tilsyn.engine.profiles;

import java.util.List;

/** A profile file that cannot be used; carries every problem found, each a Danish sentence naming the key. */
public final class ProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ProfileException(String file, List<String> problems) {
        super("Profilen " + file + " kan ikke bruges:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

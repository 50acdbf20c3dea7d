package dk.tilsyn.engine.rules;

import dk.tilsyn.engine.findings.Severity;

import java.util.List;

/**
 * A security parameter of a system and the value the policy expects (ACC-8).
 *
 * @param expected one value, or several for {@code in}
 */
public record BaselineCheck(String id, String system, String parameter, BaselineComparator comparator,
                            List<String> expected, Severity severity, String explanation, String source) {

    public BaselineCheck {
        expected = List.copyOf(expected);
    }
}

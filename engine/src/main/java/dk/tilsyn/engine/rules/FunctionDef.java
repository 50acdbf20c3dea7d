package dk.tilsyn.engine.rules;

import java.util.List;

/**
 * A step of the payment process (or a privileged power) that an account's entitlements give in one system.
 *
 * @param tags   free labels rules can refer to as {@code tag:<name>} (e.g. {@code approving}, {@code setup})
 * @param source the section of the guidance the mapping comes from
 */
public record FunctionDef(String system, String id, String title, boolean privileged, List<String> tags,
                          String source, Condition grant) {

    public FunctionDef {
        tags = List.copyOf(tags);
    }

    /** {@code system.id}, the name rules use. */
    public String qualifiedId() {
        return system + "." + id;
    }

    FunctionDef withGrant(Condition newGrant) {
        return new FunctionDef(system, id, title, privileged, tags, source, newGrant);
    }
}

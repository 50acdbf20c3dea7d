package dk.tilsyn.engine.rules;

import java.util.List;

/** One YAML document as written (a base or an institution's layer), each item with its YAML path. */
record LayerDocument(String origin, String id, String version, String title, String extendsId,
                     List<Located<SystemDef>> systems, List<Located<FunctionDef>> functions,
                     List<Located<Rule>> rules, List<Located<AllowedCombination>> allowed,
                     List<Located<BaselineCheck>> baseline, List<Located<EntitlementExtension>> extensions,
                     List<Located<EntitlementRename>> renames, List<Located<DisabledRule>> disabled) {

    /** A parsed item and where it was written. */
    record Located<T>(T value, String path) {
    }

    /** Adds entitlement names to the matcher of a function that already names {@code like} (or its only one). */
    record EntitlementExtension(String function, List<String> add, String like) {
    }

    /** Renames an entitlement in every matcher of one system. */
    record EntitlementRename(String system, String from, String to) {
    }
}

package dk.tilsyn.engine.rules;

import dk.tilsyn.engine.rules.LayerDocument.EntitlementExtension;
import dk.tilsyn.engine.rules.LayerDocument.EntitlementRename;
import dk.tilsyn.engine.rules.LayerDocument.Located;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Applies documents base-first to build the declared content of an effective rule set. References between items
 * are checked afterwards by {@link EffectiveBuilder}, once every layer has had its say.
 */
final class LayerMerger {

    final Map<String, SystemDef> systems = new LinkedHashMap<>();
    final Map<String, FunctionDef> functions = new LinkedHashMap<>();
    final Map<String, Located<Rule>> rules = new LinkedHashMap<>();
    final Map<String, Located<AllowedCombination>> allowed = new LinkedHashMap<>();
    final Map<String, Located<BaselineCheck>> baseline = new LinkedHashMap<>();
    final List<DisabledRule> disabled = new ArrayList<>();
    private final Problems problems;

    LayerMerger(Problems problems) {
        this.problems = problems;
    }

    void apply(LayerDocument doc) {
        for (Located<SystemDef> system : doc.systems()) {
            putUnique(doc, systems, system.value().id(), system.value(), system.path(), "et andet system");
        }
        for (Located<FunctionDef> function : doc.functions()) {
            addFunction(doc, function);
        }
        doc.extensions().forEach(extension -> extend(doc, extension));
        doc.renames().forEach(rename -> rename(doc, rename));
        doc.rules().forEach(rule -> putUnique(doc, rules, rule.value().id(), rule, rule.path(), "en anden regel"));
        doc.allowed().forEach(a -> putUnique(doc, allowed, a.value().id(), a, a.path(),
                "en anden tilladt kombination"));
        doc.baseline().forEach(b -> addBaseline(doc, b));
        doc.disabled().forEach(d -> disable(doc, d));
    }

    /** @param other the kind of item, as "already used by" needs it in Danish: "en anden regel", "et andet system" */
    private <T> void putUnique(LayerDocument doc, Map<String, T> map, String id, T value, String path, String other) {
        if (id == null) {
            return;
        }
        if (map.containsKey(id)) {
            problems.add(doc.origin(), path + ".id", "id'et '" + id + "' er allerede brugt af " + other
                    + " – hvert id må kun bruges én gang");
        } else {
            map.put(id, value);
        }
    }

    private void addFunction(LayerDocument doc, Located<FunctionDef> located) {
        FunctionDef function = located.value();
        if (function.system() == null || function.id() == null) {
            return;
        }
        if (!systems.containsKey(function.system())) {
            problems.add(doc.origin(), located.path(), Problems.unknownSystem(function.system()));
            return;
        }
        putUnique(doc, functions, function.qualifiedId(), function, located.path(), "en anden funktion");
    }

    private void addBaseline(LayerDocument doc, Located<BaselineCheck> located) {
        String system = located.value().system();
        if (system != null && !systems.containsKey(system)) {
            problems.add(doc.origin(), located.path() + ".system", Problems.unknownSystem(system));
        }
        putUnique(doc, baseline, located.value().id(), located, located.path(),
                "en anden baselinekontrol");
    }

    private void extend(LayerDocument doc, Located<EntitlementExtension> located) {
        EntitlementExtension extension = located.value();
        FunctionDef function = functions.get(extension.function());
        if (function == null) {
            problems.add(doc.origin(), located.path() + ".function",
                    Problems.unknownFunction(extension.function()));
            return;
        }
        List<Condition.Match> named = Conditions.matches(function.grant()).stream()
                .filter(m -> !m.entitlements().isEmpty())
                .filter(m -> extension.like() == null || Conditions.names(m, extension.like()))
                .toList();
        if (named.size() != 1) {
            problems.add(doc.origin(), located.path(), extensionTarget(extension, named.size()));
            return;
        }
        Condition.Match target = named.getFirst();
        List<String> names = new ArrayList<>(target.entitlements());
        names.addAll(extension.add());
        functions.put(function.qualifiedId(), function.withGrant(
                Conditions.replace(function.grant(), m -> m == target ? m.withEntitlements(names) : m)));
    }

    private void rename(LayerDocument doc, Located<EntitlementRename> located) {
        EntitlementRename rename = located.value();
        if (rename.system() == null || rename.from() == null || rename.to() == null) {
            return;
        }
        if (!systems.containsKey(rename.system())) {
            problems.add(doc.origin(), located.path() + ".system", Problems.unknownSystem(rename.system()));
            return;
        }
        boolean found = false;
        for (FunctionDef function : List.copyOf(functions.values())) {
            if (!function.system().equals(rename.system())) {
                continue;
            }
            UnaryOperator<Condition.Match> renamer = m -> m.withEntitlements(m.entitlements().stream()
                    .map(n -> n.equalsIgnoreCase(rename.from()) ? rename.to() : n).toList());
            Condition renamed = Conditions.replace(function.grant(), renamer);
            found |= !renamed.equals(function.grant());
            functions.put(function.qualifiedId(), function.withGrant(renamed));
        }
        if (!found) {
            problems.add(doc.origin(), located.path() + ".from", "ingen funktion i systemet '" + rename.system()
                    + "' nævner rettigheden '" + rename.from() + "' – forventet et rettighedsnavn, som en funktion i "
                    + "systemet bruger i grant");
        }
    }

    private void disable(LayerDocument doc, Located<DisabledRule> located) {
        DisabledRule disable = located.value();
        if (disable.rule() == null || disable.reason() == null) {
            return;
        }
        if (rules.remove(disable.rule()) == null) {
            problems.add(doc.origin(), located.path() + ".rule", Problems.unknownRule(disable.rule()));
            return;
        }
        disabled.add(disable);
    }

    /** Why an extension found no single matcher to add to: none (naming {@code like}), or several to choose from. */
    private static String extensionTarget(EntitlementExtension extension, int found) {
        String function = "funktionen '" + extension.function() + "'";
        if (found > 1) {
            return function + " har " + found + " matchere med rettighedsnavne – angiv hvilken med like: <et navn, "
                    + "den har>";
        }
        return extension.like() == null
                ? function + " har ingen matcher med rettighedsnavne (entitlement), der kan udvides"
                : function + " har ingen matcher, der nævner '" + extension.like() + "' – forventet i like et "
                  + "rettighedsnavn, funktionen har";
    }
}

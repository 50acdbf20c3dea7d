package dk.tilsyn.engine.rules;

import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.rules.LayerDocument.EntitlementExtension;
import dk.tilsyn.engine.rules.LayerDocument.EntitlementRename;
import dk.tilsyn.engine.rules.LayerDocument.Located;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a YAML tree into a {@link LayerDocument}, reporting every malformed value with its path. */
final class DocumentParser {

    private static final Set<String> TOP = Set.of("id", "version", "title", "source", "extends", "systems",
            "add-functions", "rules", "allowed", "baseline", "extend-entitlements", "rename-entitlements",
            "disable-rules");
    private static final Set<String> FUNCTION_KEYS = Set.of("id", "title", "privileged", "tags", "source", "grant");
    private static final Set<String> RULE_KEYS = Set.of("id", "kind", "severity", "title", "explanation", "source",
            "all-of", "any-of", "scope", "applies-to", "supersedes");

    private DocumentParser() {
    }

    static LayerDocument parse(YamlNode root) {
        root.allowOnly(TOP);
        List<Located<SystemDef>> systems = new ArrayList<>();
        List<Located<FunctionDef>> functions = new ArrayList<>();
        for (YamlNode system : root.list("systems")) {
            system.allowOnly(Set.of("id", "name", "functions"));
            String id = system.text("id");
            systems.add(new Located<>(new SystemDef(id, system.text("name")), system.path()));
            system.list("functions").forEach(f -> addFunction(functions, id, f));
        }
        for (Map.Entry<String, YamlNode> entry : root.entries("add-functions")) {
            if (!entry.getValue().raw().isArray()) {
                entry.getValue().problem("forventet en liste af funktioner for systemet '" + entry.getKey()
                        + "', fandt " + YamlNode.describe(entry.getValue().raw()));
                continue;
            }
            root.get("add-functions").list(entry.getKey()).forEach(f -> addFunction(functions, entry.getKey(), f));
        }
        return new LayerDocument(root.origin(), root.text("id"), root.text("version"), root.optText("title"),
                root.optText("extends"), systems, functions, rules(root), allowed(root), baseline(root),
                extensions(root), renames(root), disabled(root));
    }

    private static void addFunction(List<Located<FunctionDef>> out, String system, YamlNode node) {
        node.allowOnly(FUNCTION_KEYS);
        Condition grant = node.has("grant") ? ConditionParser.parse(node.get("grant")) : missing(node, "grant");
        FunctionDef function = new FunctionDef(system, node.text("id"), node.text("title"),
                node.bool("privileged", false), node.texts("tags"), node.optText("source"), grant);
        out.add(new Located<>(function, node.path()));
    }

    private static Condition missing(YamlNode node, String key) {
        node.missing(key);
        return null;
    }

    private static List<Located<Rule>> rules(YamlNode root) {
        List<Located<Rule>> rules = new ArrayList<>();
        for (YamlNode node : root.list("rules")) {
            node.allowOnly(RULE_KEYS);
            List<List<String>> groups = new ArrayList<>();
            for (YamlNode group : node.list("any-of")) {
                groups.add(group.raw().isArray() ? texts(group) : List.of(group.raw().asString().strip()));
            }
            String appliesTo = node.has("applies-to") ? node.text("applies-to") : "all";
            // null: text() has already reported the empty value
            if (appliesTo != null && !appliesTo.equals("all") && !appliesTo.equals("own-users")) {
                node.problem("applies-to", "ukendt værdi '" + appliesTo + "' for applies-to "
                        + Problems.oneOf(List.of("all", "own-users")));
            }
            Rule rule = new Rule(node.text("id"), kind(node), severity(node, "severity"), node.text("title"),
                    node.text("explanation"), node.text("source"), node.texts("all-of"), groups, scope(node),
                    "own-users".equals(appliesTo), node.texts("supersedes"));
            rules.add(new Located<>(rule, node.path()));
        }
        return rules;
    }

    private static List<String> texts(YamlNode group) {
        List<String> texts = new ArrayList<>();
        group.raw().forEach(item -> texts.add(item.asString().strip()));
        return texts;
    }

    private static FindingKind kind(YamlNode node) {
        String code = node.text("kind");
        if (code == null) {
            return null;
        }
        for (FindingKind kind : FindingKind.values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        node.problem("kind", "ukendt fundtype '" + code + "' "
                + Problems.oneOf(Arrays.stream(FindingKind.values()).map(FindingKind::code).toList()));
        return null;
    }

    static Severity severity(YamlNode node, String key) {
        String code = node.text(key);
        if (code == null) {
            return null;
        }
        for (Severity severity : Severity.values()) {
            if (severity.code().equals(code)) {
                return severity;
            }
        }
        node.problem(key, "ukendt alvorlighed '" + code + "' "
                + Problems.oneOf(Arrays.stream(Severity.values()).map(Severity::code).toList()));
        return null;
    }

    private static RuleScope scope(YamlNode node) {
        String code = node.optText("scope");
        if (code == null) {
            return RuleScope.ANY;
        }
        return RuleScope.fromCode(code).orElseGet(() -> {
            node.problem("scope", "ukendt omfang '" + code + "' " + Problems.oneOf(
                    Arrays.stream(RuleScope.values()).map(RuleScope::code).toList()));
            return RuleScope.ANY;
        });
    }

    private static List<Located<AllowedCombination>> allowed(YamlNode root) {
        List<Located<AllowedCombination>> allowed = new ArrayList<>();
        for (YamlNode node : root.list("allowed")) {
            node.allowOnly(Set.of("id", "functions", "source", "reason"));
            allowed.add(new Located<>(new AllowedCombination(node.text("id"), node.texts("functions"),
                    node.text("source"), node.text("reason")), node.path()));
        }
        return allowed;
    }

    private static List<Located<BaselineCheck>> baseline(YamlNode root) {
        List<Located<BaselineCheck>> checks = new ArrayList<>();
        for (YamlNode node : root.list("baseline")) {
            node.allowOnly(Set.of("id", "system", "parameter", "comparator", "expected", "severity", "explanation",
                    "source"));
            String symbol = node.text("comparator");
            BaselineComparator comparator = symbol == null ? null
                    : BaselineComparator.fromSymbol(symbol).orElse(null);
            if (symbol != null && comparator == null) {
                node.problem("comparator", "ukendt sammenligning '" + symbol + "' " + Problems.oneOf(
                        Arrays.stream(BaselineComparator.values()).map(BaselineComparator::symbol).toList()));
            }
            List<String> expected = node.texts("expected");
            if (expected.isEmpty()) {
                node.problem("expected", "nøglen 'expected' mangler eller er tom – forventet mindst én værdi");
            }
            checks.add(new Located<>(new BaselineCheck(node.text("id"), node.text("system"),
                    node.text("parameter"), comparator, expected, severity(node, "severity"),
                    node.text("explanation"), node.optText("source")), node.path()));
        }
        return checks;
    }

    private static List<Located<EntitlementExtension>> extensions(YamlNode root) {
        List<Located<EntitlementExtension>> extensions = new ArrayList<>();
        for (YamlNode node : root.list("extend-entitlements")) {
            node.allowOnly(Set.of("function", "add", "like"));
            List<String> add = node.texts("add");
            if (add.isEmpty()) {
                node.problem("add", "nøglen 'add' mangler eller er tom – forventet mindst ét rettighedsnavn");
            }
            extensions.add(new Located<>(new EntitlementExtension(node.text("function"), add,
                    node.optText("like")), node.path()));
        }
        return extensions;
    }

    private static List<Located<EntitlementRename>> renames(YamlNode root) {
        List<Located<EntitlementRename>> renames = new ArrayList<>();
        for (YamlNode node : root.list("rename-entitlements")) {
            node.allowOnly(Set.of("system", "from", "to"));
            renames.add(new Located<>(new EntitlementRename(node.text("system"), node.text("from"),
                    node.text("to")), node.path()));
        }
        return renames;
    }

    private static List<Located<DisabledRule>> disabled(YamlNode root) {
        List<Located<DisabledRule>> disabled = new ArrayList<>();
        for (YamlNode node : root.list("disable-rules")) {
            node.allowOnly(Set.of("rule", "reason"));
            String reason = node.optText("reason");
            if (reason == null && !node.has("reason")) {
                node.problem("reason", "nøglen 'reason' mangler – en regel kan kun slås fra med en begrundelse");
            }
            disabled.add(new Located<>(new DisabledRule(node.text("rule"), reason, root.optText("id")),
                    node.path()));
        }
        return disabled;
    }
}

package dk.tilsyn.engine.rules;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of a canonical JSON form of the effective content: keys sorted, items sorted by id, entitlement names
 * and the children of any-of/all-of sorted. YAML layout, comments, key order and list order where order has no
 * meaning therefore do not change the hash; any change of meaning does.
 */
final class ContentHash {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContentHash() {
    }

    static String of(String id, String version, String title, List<SystemDef> systems, List<FunctionDef> functions,
                     List<Rule> rules, List<AllowedCombination> allowed, List<BaselineCheck> baseline,
                     List<DisabledRule> disabled) {
        Map<String, Object> root = new TreeMap<>();
        root.put("id", id);
        root.put("version", version);
        root.put("title", title);
        root.put("systems", sorted(systems.stream().map(s -> map("id", s.id(), "name", s.name())).toList()));
        root.put("functions", sorted(functions.stream().map(ContentHash::function).toList()));
        root.put("rules", sorted(rules.stream().map(ContentHash::rule).toList()));
        root.put("allowed", sorted(allowed.stream().map(a -> map("id", a.id(), "functions", a.functions(),
                "source", a.source(), "reason", a.reason())).toList()));
        root.put("baseline", sorted(baseline.stream().map(ContentHash::baseline).toList()));
        root.put("disabled", sorted(disabled.stream().map(d -> map("id", d.rule(), "reason", d.reason())).toList()));
        return sha256(JSON.writeValueAsString(root));
    }

    private static Map<String, Object> function(FunctionDef f) {
        return map("id", f.qualifiedId(), "title", f.title(), "privileged", f.privileged(),
                "tags", f.tags().stream().sorted().toList(), "source", f.source(), "grant", condition(f.grant()));
    }

    private static Map<String, Object> rule(Rule r) {
        return map("id", r.id(), "kind", r.kind().code(), "severity", r.severity().code(), "title", r.title(),
                "explanation", r.explanation(), "source", r.source(), "all-of", r.allOf(),
                "any-of", r.anyOf().stream().map(Object::toString).sorted().toList(), "scope", r.scope().code(),
                "own-users", r.ownUsersOnly(), "supersedes", r.supersedes().stream().sorted().toList());
    }

    private static Map<String, Object> baseline(BaselineCheck b) {
        return map("id", b.id(), "system", b.system(), "parameter", b.parameter(),
                "comparator", b.comparator().symbol(), "expected", b.expected(), "severity", b.severity().code(),
                "explanation", b.explanation(), "source", b.source());
    }

    /** Canonical text of a condition; children sorted because any-of/all-of are commutative. */
    private static String condition(Condition c) {
        return switch (c) {
            case Condition.Match m -> "match(" + m.entitlements().stream().sorted().toList() + ","
                    + (m.type() == null ? "" : m.type().code()) + "," + (m.amount() == null ? "" : m.amount()) + ")";
            case Condition.Not n -> "not(" + condition(n.child()) + ")";
            case Condition.AnyOf a -> "any(" + a.children().stream().map(ContentHash::condition).sorted().toList() + ")";
            case Condition.AllOf a -> "all(" + a.children().stream().map(ContentHash::condition).sorted().toList() + ")";
        };
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> items) {
        List<Map<String, Object>> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(m -> String.valueOf(m.get("id"))));
        return copy;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

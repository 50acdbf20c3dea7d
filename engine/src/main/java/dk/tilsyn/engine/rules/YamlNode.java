package dk.tilsyn.engine.rules;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A YAML node that knows its path, so every problem can say where it is. Reports into {@link Problems}. */
final class YamlNode {

    private final JsonNode node;
    private final String path;
    private final String origin;
    private final Problems problems;

    YamlNode(JsonNode node, String path, String origin, Problems problems) {
        this.node = node;
        this.path = path;
        this.origin = origin;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String origin() {
        return origin;
    }

    JsonNode raw() {
        return node;
    }

    void problem(String message) {
        problems.add(origin, path, message);
    }

    void problem(String key, String message) {
        problems.add(origin, child(key), message);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A required key that is absent (or null): the path names it too, but the message must stand alone. */
    void missing(String key) {
        problem(key, "nøglen '" + key + "' mangler");
    }

    boolean has(String key) {
        return node.isObject() && node.has(key) && !node.get(key).isNull();
    }

    /** Reports keys this object may not have: a misspelt key must not be silently ignored. */
    void allowOnly(Set<String> keys) {
        if (!node.isObject()) {
            problem("forventet en mapping (nøgle: værdi), fandt " + describe(node));
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!keys.contains(entry.getKey())) {
                problem(entry.getKey(), "ukendt nøgle '" + entry.getKey() + "' "
                        + Problems.oneOf(keys.stream().sorted().toList()));
            }
        }
    }

    YamlNode get(String key) {
        return new YamlNode(node.get(key), child(key), origin, problems);
    }

    String text(String key) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return optText(key);
    }

    String optText(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode value = node.get(key);
        if (!value.isValueNode()) {
            problem(key, "forventet en tekst, fandt " + describe(value));
            return null;
        }
        String text = value.asString().strip();
        if (text.isEmpty()) {
            problem(key, "nøglen '" + key + "' må ikke være tom – forventet en tekst");
            return null;
        }
        return text;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            problem(key, "forventet true eller false, fandt " + describe(value));
            return fallback;
        }
        return value.asBoolean();
    }

    /** The elements of a list; a missing key is an empty list. */
    List<YamlNode> list(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode value = node.get(key);
        if (!value.isArray()) {
            problem(key, "forventet en liste, fandt " + describe(value));
            return List.of();
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(new YamlNode(value.get(i), child(key) + "[" + i + "]", origin, problems));
        }
        return items;
    }

    /** A list of texts; a single text is accepted as a list of one. */
    List<String> texts(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode value = node.get(key);
        if (value.isValueNode()) {
            return List.of(value.asString().strip());
        }
        List<String> texts = new ArrayList<>();
        for (YamlNode item : list(key)) {
            if (!item.node.isValueNode() || item.node.asString().isBlank()) {
                item.problem("forventet en tekst, der ikke er tom, fandt " + describe(item.node));
            } else {
                texts.add(item.node.asString().strip());
            }
        }
        return texts;
    }

    /** The entries of a mapping, in document order. */
    List<Map.Entry<String, YamlNode>> entries(String key) {
        if (!has(key)) {
            return List.of();
        }
        YamlNode value = get(key);
        if (!value.node.isObject()) {
            value.problem("forventet en mapping (nøgle: værdi), fandt " + describe(value.node));
            return List.of();
        }
        List<Map.Entry<String, YamlNode>> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : value.node.properties()) {
            entries.add(Map.entry(entry.getKey(),
                    new YamlNode(entry.getValue(), value.child(entry.getKey()), origin, problems)));
        }
        return entries;
    }

    /**
     * What a value is, in the author's terms, so "forventet X, fandt Y" names the offending value: a scalar is
     * quoted, a collection only named by its kind (it may be long).
     */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "ingenting";
        }
        return switch (value.getNodeType()) {
            case OBJECT -> "en mapping";
            case ARRAY -> value.isEmpty() ? "en tom liste" : "en liste";
            case NULL -> "en tom værdi";
            case STRING -> value.asString().isBlank() ? "en tom tekst" : "teksten '" + value.asString() + "'";
            default -> "'" + value.asString() + "'";
        };
    }
}

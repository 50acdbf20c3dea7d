package dk.tilsyn.engine.rules;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a rule set document and the chain of documents it {@code extends}, merges them base-first and checks the
 * result. Every problem names the document and the YAML path; nothing half-loaded is ever returned.
 */
public final class RuleSetLoader {

    /** The rule set shipped with the engine for the state's payment process (004). */
    public static final String DEFAULT_ID = "oes-udbetalingsproces";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate Object property \"(.*)\"");

    private final Function<String, Optional<Source>> resolver;

    /** A document's text and where it came from. */
    public record Source(String origin, String yaml) {
    }

    /** @param resolver finds the document a layer names in {@code extends} */
    public RuleSetLoader(Function<String, Optional<Source>> resolver) {
        this.resolver = resolver;
    }

    /** A loader that resolves {@code extends} to the rule sets bundled under {@code rulesets/} on the classpath. */
    public static RuleSetLoader bundled() {
        return new RuleSetLoader(RuleSetLoader::bundledSource);
    }

    /** The default rule set as shipped. */
    public static RuleSet loadDefault() {
        RuleSetLoader loader = bundled();
        return loader.load(bundledSource(DEFAULT_ID).orElseThrow());
    }

    public RuleSet load(Path file) {
        try {
            return load(new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RuleSet load(Source source) {
        Problems problems = new Problems();
        List<LayerDocument> chain = chain(source, problems);
        problems.throwIfAny();
        LayerMerger merger = new LayerMerger(problems);
        chain.forEach(merger::apply);
        problems.throwIfAny();
        EffectiveBuilder builder = new EffectiveBuilder(merger, problems, source.origin());
        List<Rule> rules = builder.rules();
        problems.throwIfAny();
        List<AllowedCombination> allowed = builder.allowed(rules);
        problems.throwIfAny();
        LayerDocument top = chain.getLast();
        String title = chain.reversed().stream().map(LayerDocument::title).filter(t -> t != null).findFirst()
                .orElse(top.id());
        List<SystemDef> systems = List.copyOf(merger.systems.values());
        List<FunctionDef> functions = List.copyOf(merger.functions.values());
        List<BaselineCheck> baseline = merger.baseline.values().stream().map(LayerDocument.Located::value).toList();
        String hash = ContentHash.of(top.id(), top.version(), title, systems, functions, rules, allowed, baseline,
                merger.disabled);
        return new RuleSet(top.id(), top.version(), title, systems, functions, rules, allowed, baseline,
                merger.disabled, chain.stream().map(LayerDocument::id).toList(), hash);
    }

    /** The document and its bases, base first. */
    private List<LayerDocument> chain(Source source, Problems problems) {
        Deque<LayerDocument> chain = new ArrayDeque<>();
        List<String> seen = new ArrayList<>();
        Source current = source;
        while (current != null) {
            LayerDocument doc = parse(current, problems);
            if (doc == null) {
                return List.of();
            }
            chain.addFirst(doc);
            seen.add(doc.id());
            String base = doc.extendsId();
            current = null;
            if (base != null) {
                if (seen.contains(base)) {
                    problems.add(doc.origin(), "extends", "cirkulær extends: " + String.join(" → ", seen) + " → "
                            + base + " – et regelsæt må ikke bygge på sig selv");
                    return List.of();
                }
                Optional<Source> resolved = resolver.apply(base);
                if (resolved.isEmpty()) {
                    problems.add(doc.origin(), "extends", "ukendt regelsæt '" + base + "' – intet regelsæt har det id");
                    return List.of();
                }
                current = resolved.get();
            }
        }
        return List.copyOf(chain);
    }

    private static LayerDocument parse(Source source, Problems problems) {
        JsonNode tree;
        try {
            tree = YAML.readTree(source.yaml());
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null ? "(document)"
                    : "line " + location.getLineNr() + ", column " + location.getColumnNr();
            problems.add(source.origin(), where, "ikke gyldig YAML: " + yamlDetail(e.getOriginalMessage()));
            return null;
        }
        if (tree == null || tree.isMissingNode()) {
            problems.add(source.origin(), "(document)", "dokumentet er tomt – forventet en mapping med mindst id og "
                    + "version");
            return null;
        }
        if (!tree.isObject()) {
            problems.add(source.origin(), "(document)", "forventet en mapping (nøgle: værdi) øverst i dokumentet, "
                    + "fandt " + YamlNode.describe(tree));
            return null;
        }
        LayerDocument doc = DocumentParser.parse(new YamlNode(tree, "", source.origin(), problems));
        return problems.isEmpty() ? doc : null;
    }

    /**
     * The parser's own words (English, with its line and column) are kept, since only they say what it stumbled on;
     * the one an author meets most, a key given twice, gets a Danish sentence.
     */
    private static String yamlDetail(String parserMessage) {
        Matcher duplicate = DUPLICATE_KEY.matcher(parserMessage);
        return duplicate.matches()
                ? "nøglen '" + duplicate.group(1) + "' står flere gange i samme mapping"
                : parserMessage;
    }

    private static Optional<Source> bundledSource(String id) {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            return Optional.empty();
        }
        String resource = "/rulesets/" + id + ".yaml";
        try (InputStream in = RuleSetLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Source("classpath:" + resource, new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dk.tilsyn.engine.rules;

import dk.tilsyn.engine.access.EntitlementType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code grant:} expression: {@code any-of}, {@code all-of}, {@code not}, or a leaf matcher. */
final class ConditionParser {

    static final Set<String> LEAF_KEYS = Set.of("entitlement", "entitlement_type", "amount_limit",
            "if_amount_missing");
    private static final Set<String> COMBINATORS = Set.of("any-of", "all-of", "not");
    private static final Pattern AMOUNT = Pattern.compile("(<=|>=|<|>|=)\\s*(-?\\d+(?:\\.\\d+)?)");

    private ConditionParser() {
    }

    /** Returns null (after reporting) when the expression is malformed. */
    static Condition parse(YamlNode node) {
        if (node.raw() == null || !node.raw().isObject()) {
            node.problem("ugyldigt udtryk: forventet en mapping med any-of, all-of, not eller entitlement/"
                    + "entitlement_type, fandt " + YamlNode.describe(node.raw()));
            return null;
        }
        List<String> keys = keys(node);
        List<String> combinators = keys.stream().filter(COMBINATORS::contains).toList();
        if (combinators.isEmpty()) {
            return leaf(node);
        }
        if (keys.size() != 1) {
            node.problem("ugyldigt udtryk: " + combinators.getFirst() + " skal være den eneste nøgle i sin mapping, "
                    + "fandt " + String.join(", ", keys) + " – flyt de øvrige ind som elementer under "
                    + combinators.getFirst());
            return null;
        }
        String combinator = combinators.getFirst();
        if (combinator.equals("not")) {
            Condition child = parse(node.get("not"));
            return child == null ? null : new Condition.Not(child);
        }
        List<YamlNode> items = node.list(combinator);
        if (items.isEmpty()) {
            node.problem(combinator, "ugyldigt udtryk: " + combinator + " skal have mindst ét element");
            return null;
        }
        List<Condition> children = new ArrayList<>();
        for (YamlNode item : items) {
            children.add(parse(item));
        }
        if (children.contains(null)) {
            return null;
        }
        return combinator.equals("any-of") ? new Condition.AnyOf(children) : new Condition.AllOf(children);
    }

    private static Condition leaf(YamlNode node) {
        node.allowOnly(union(LEAF_KEYS, COMBINATORS));
        List<String> names = node.texts("entitlement");
        EntitlementType type = null;
        String typeCode = node.optText("entitlement_type");
        if (typeCode != null) {
            type = EntitlementType.fromCode(typeCode).orElse(null);
            if (type == null) {
                node.problem("entitlement_type", "ukendt rettighedstype '" + typeCode + "' "
                        + Problems.oneOf(Arrays.stream(EntitlementType.values()).map(EntitlementType::code).toList()));
                return null;
            }
        }
        if (names.isEmpty() && type == null) {
            node.problem("ugyldigt udtryk: en matcher skal nævne mindst ét rettighedsnavn (entitlement) eller en "
                    + "rettighedstype (entitlement_type)");
            return null;
        }
        AmountCondition amount = amount(node);
        if (amount == null && (node.has("amount_limit") || node.has("if_amount_missing"))) {
            return null;
        }
        return new Condition.Match(names, type, amount);
    }

    private static AmountCondition amount(YamlNode node) {
        String text = node.optText("amount_limit");
        if (text == null) {
            if (node.has("if_amount_missing")) {
                node.problem("if_amount_missing", "if_amount_missing må kun bruges sammen med amount_limit");
            }
            return null;
        }
        Matcher matcher = AMOUNT.matcher(text);
        if (!matcher.matches()) {
            node.problem("amount_limit", "ugyldig beløbsbetingelse '" + text + "' – forventet en sammenligning "
                    + "(<, <=, =, >=, >) og et beløb, fx '> 0' eller '<= 50000'");
            return null;
        }
        Comparison comparison = Comparison.fromSymbol(matcher.group(1)).orElseThrow();
        return new AmountCondition(comparison, new BigDecimal(matcher.group(2)),
                node.bool("if_amount_missing", false));
    }

    private static List<String> keys(YamlNode node) {
        List<String> keys = new ArrayList<>();
        node.raw().properties().forEach(e -> keys.add(e.getKey()));
        return keys;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}

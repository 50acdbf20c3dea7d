package dk.tilsyn.access.internal;

import dk.tilsyn.engine.rules.Condition;

import java.util.stream.Collectors;

/** A function's grant expression as a line a controller can read: "Godkender og (Prokura, beløb > 0)". */
final class ConditionText {

    private ConditionText() {
    }

    static String of(Condition condition) {
        return switch (condition) {
            case Condition.AnyOf any -> any.children().stream().map(ConditionText::nested).collect(Collectors.joining(" eller "));
            case Condition.AllOf all -> all.children().stream().map(ConditionText::nested).collect(Collectors.joining(" og "));
            case Condition.Not not -> "ikke " + nested(not.child());
            case Condition.Match match -> match(match);
        };
    }

    private static String nested(Condition condition) {
        String text = of(condition);
        return condition instanceof Condition.Match || condition instanceof Condition.Not ? text : "(" + text + ")";
    }

    private static String match(Condition.Match match) {
        String names = match.entitlements().isEmpty() ? "enhver rettighed" : String.join(" / ", match.entitlements());
        StringBuilder text = new StringBuilder(names);
        if (match.type() != null) {
            text.append(" [").append(match.type().code()).append(']');
        }
        if (match.amount() != null) {
            text.append(", beløb ").append(match.amount().comparison().symbol()).append(' ')
                    .append(match.amount().value().toPlainString());
            if (match.amount().matchWhenMissing()) {
                text.append(" (eller ikke angivet)");
            }
        }
        return text.toString();
    }
}

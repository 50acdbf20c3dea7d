package dk.tilsyn.platform.web;

import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One option of a select, decided in Java: its value, its label and whether it is the chosen one.
 *
 * <p>A filter form with hundreds of options (an institution's org units) made Thymeleaf process three attributes
 * per option on every page — half the rendering of the findings list, measured in docs/performance.md. {@link
 * #options} writes them as escaped HTML in one pass, for the template to insert with {@code th:utext}.
 */
public record Choice(String value, String label, boolean selected) {

    /** The choices as {@code <option>} elements, value and label HTML-escaped. */
    public static String options(List<Choice> choices) {
        StringBuilder html = new StringBuilder(choices.size() * 48);
        for (Choice choice : choices) {
            html.append("<option value=\"").append(HtmlUtils.htmlEscape(choice.value, "UTF-8")).append('"')
                    .append(choice.selected ? " selected" : "").append('>')
                    .append(HtmlUtils.htmlEscape(choice.label == null ? "" : choice.label, "UTF-8")).append("</option>");
        }
        return html.toString();
    }

    /** Options for the items; the one whose value equals {@code chosen} (compared as text) is selected. */
    public static <T> List<Choice> of(List<T> items, Function<T, ?> value, Function<T, String> label, Object chosen) {
        String chosenText = chosen == null ? null : chosen.toString().strip();
        return items.stream().map(item -> {
            String itemValue = Objects.toString(value.apply(item), "");
            return new Choice(itemValue, label.apply(item), itemValue.equals(chosenText));
        }).toList();
    }

    /** Options whose label is their value. */
    public static List<Choice> of(List<String> values, String chosen) {
        return of(values, Function.identity(), Function.identity(), chosen);
    }
}

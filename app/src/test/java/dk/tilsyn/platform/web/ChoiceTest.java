package dk.tilsyn.platform.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChoiceTest {

    record Unit(long id, String name) {
    }

    @Test
    void theChosenValueIsSelectedComparedAsText() {
        List<Choice> choices = Choice.of(List.of(new Unit(7, "Økonomi"), new Unit(12, "HR")), Unit::id, Unit::name, 12L);

        assertThat(choices).containsExactly(new Choice("7", "Økonomi", false), new Choice("12", "HR", true));
    }

    @Test
    void nothingIsSelectedWithoutAChoice() {
        assertThat(Choice.of(List.of("high", "low"), null)).noneMatch(Choice::selected);
        assertThat(Choice.of(List.of("high", "low"), " low ")).extracting(Choice::selected).containsExactly(false, true);
    }

    @Test
    void optionsAreWrittenEscaped() {
        String html = Choice.options(List.of(new Choice("a\"><script>", "<b>Løn & Personale</b>", true),
                new Choice("2", "IT", false)));

        assertThat(html).isEqualTo("<option value=\"a&quot;&gt;&lt;script&gt;\" selected>"
                + "&lt;b&gt;Løn &amp; Personale&lt;/b&gt;</option><option value=\"2\">IT</option>");
    }
}

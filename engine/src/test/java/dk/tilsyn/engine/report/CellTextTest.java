package dk.tilsyn.engine.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+31 12 34", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd", "＝1+1"})
    void formulaStartsBecomeText(String value) {
        assertThat(CellText.safe(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"thni", "rejsud/=x", " =1", "'quoted", "Ærø-1", "a-b"})
    void otherTextIsUnchanged(String value) {
        assertThat(CellText.safe(value)).isEqualTo(value);
    }

    @Test
    void nullAndEmptyAreEmptyAndJoinNeutralisesTheWhole() {
        assertThat(CellText.safe(null)).isEmpty();
        assertThat(CellText.safe("")).isEmpty();
        assertThat(CellText.join(List.of("-a", "b"), "; ")).isEqualTo("'-a; b");
    }

    @Test
    void overlongTextIsCutVisiblyWithinExcelsLimit() {
        String cut = CellText.safe("x".repeat(40_000));
        assertThat(cut).hasSize(CellText.MAX_LENGTH).endsWith(" …");
        assertThat(CellText.safe("=" + "x".repeat(CellText.MAX_LENGTH))).hasSize(CellText.MAX_LENGTH).startsWith("'=");
    }
}

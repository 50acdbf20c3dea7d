package dk.tilsyn.engine.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dk.tilsyn.engine.extracts.ExtractReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reader asked for progress reports the rows read now and then and the final count at the end. */
class RowProgressTest {

    @Test
    void reportsEveryTenThousandRowsAndTheFinalCount() {
        StringBuilder csv = new StringBuilder("account;entitlement\r\n");
        for (int i = 0; i < 25_001; i++) {
            csv.append("a").append(i).append(";Rolle\r\n");
        }
        List<Long> reported = new ArrayList<>();

        var extract = new ExtractReader(ReadLimits.defaults(), reported::add)
                .read(new ByteArrayInputStream(csv.toString().getBytes(UTF_8)), "x.csv", "sys");

        assertThat(reported).containsExactly(10_000L, 20_000L, 25_001L);
        assertThat(extract.facts().rows()).isEqualTo(25_001);
    }

    @Test
    void aRefusedFileStillReportsTheRowsItRead() {
        List<Long> reported = new ArrayList<>();
        byte[] csv = "account;valid_to\r\na;31-02-2026\r\nb;\r\n".getBytes(UTF_8);

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                new ExtractReader(ReadLimits.defaults(), reported::add).read(new ByteArrayInputStream(csv), "x.csv", "sys"));

        assertThat(refused.problems()).isNotEmpty();
        assertThat(reported).containsExactly(2L);
    }
}

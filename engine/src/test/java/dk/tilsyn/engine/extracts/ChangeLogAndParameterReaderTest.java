package dk.tilsyn.engine.extracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dk.tilsyn.engine.access.ChangeEvent;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.io.ImportProblem;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.io.TestFiles;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeLogAndParameterReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-03-05 14:07|2024-03-05T14:07", "2024-03-05 14:07:09|2024-03-05T14:07:09",
        "05-03-2024 9:07|2024-03-05T09:07", "5.3.2024 14:07:09|2024-03-05T14:07:09",
        "2024-03-05T14:07:09|2024-03-05T14:07:09", "2024-03-05|2024-03-05T00:00"})
    void acceptedTimes(String text, String expected) {
        assertThat(DateTimes.parse(text)).contains(LocalDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2024-03-05 25:00", "2024-03-05 14", "2024-03-05 14:7", "2024-03-05T14:07Z", "05/03/2024 14:07",
        "2024-03-05 14:07:09.5"})
    void refusedTimes(String text) {
        assertThat(DateTimes.parse(text)).isEmpty();
    }

    @Test
    void readsChangeLog() {
        Path file = TestFiles.text(dir, "log.csv", "time;actor;action;target;entitlement;entitlement_type;amount_limit\n"
                + "05-03-2024 14:07;sae;GRANT;jha;Prokura;prokura;100.000\n"
                + "2024-03-06;sae;change_email;jha;;;\n", UTF_8);

        ChangeLog log = new ChangeLogReader().read(file, "RejsUd");

        assertThat(log.events()).containsExactly(
                new ChangeEvent("RejsUd", LocalDateTime.of(2024, 3, 5, 14, 7), "sae", "grant", "jha", "Prokura",
                        EntitlementType.PROKURA, new BigDecimal("100000"), new SourceRef("log.csv", 2)),
                new ChangeEvent("RejsUd", LocalDateTime.of(2024, 3, 6, 0, 0), "sae", "change_email", "jha", null,
                        null, null, new SourceRef("log.csv", 3)));
    }

    @Test
    void badTimeAndMissingActorAreReported() {
        Path file = TestFiles.text(dir, "log.csv", "time;actor;action\n2024-03-05 14.07;;grant\n", UTF_8);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> new ChangeLogReader().read(file, "RejsUd"));

        assertThat(e.problems()).extracting(ImportProblem::column, ImportProblem::code).containsExactly(
                tuple("time", "invalid-date"), tuple("actor", "required-value"));
        assertThat(e.problems().getFirst().message()).startsWith(
                "log.csv linje 2, kolonne \"time\": \"2024-03-05 14.07\" er ikke et gyldigt tidspunkt");
    }

    @Test
    void readsParameters() {
        Path file = TestFiles.text(dir, "kvantum.csv", "parameter;value\nlogin/password_expiration_time;999\n"
                + "login/password_history_size;3\nlogin/min_password_lng;\n", UTF_8);

        ParameterFile parameters = new ParameterReader().read(file, "Kvantum");

        assertThat(parameters.values()).containsExactly(
                java.util.Map.entry("login/password_expiration_time", "999"),
                java.util.Map.entry("login/password_history_size", "3"),
                java.util.Map.entry("login/min_password_lng", ""));
        assertThat(parameters.sources().get("login/password_history_size")).isEqualTo(new SourceRef("kvantum.csv", 3));
    }

    @Test
    void duplicateParameterIsAnErrorNamingTheFirstLine() {
        Path file = TestFiles.text(dir, "kvantum.csv", "parameter;value\na;1\nb;2\na;3\n", UTF_8);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> new ParameterReader().read(file, "Kvantum"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("duplicate-value");
            assertThat(p.message()).isEqualTo(
                    "kvantum.csv linje 4, kolonne \"parameter\": \"a\" findes allerede i linje 2 (værdien skal være unik).");
        });
    }
}

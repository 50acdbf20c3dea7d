package dk.tilsyn.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticDataGeneratorTest {

    private static final SyntheticSize TINY = new SyntheticSize(200, 7, 600, 5_000, 50);

    @Test
    void theSameSeedGivesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        GeneratedSet a = new SyntheticDataGenerator(TINY, 7).writeTo(first);
        GeneratedSet b = new SyntheticDataGenerator(TINY, 7).writeTo(second);
        assertThat(Files.readAllBytes(a.persons())).isEqualTo(Files.readAllBytes(b.persons()));
        for (String system : a.extracts().keySet()) {
            assertThat(Files.readAllBytes(a.extracts().get(system))).isEqualTo(Files.readAllBytes(b.extracts().get(system)));
            assertThat(Files.readAllBytes(a.changeLogs().get(system))).isEqualTo(Files.readAllBytes(b.changeLogs().get(system)));
        }
    }

    @Test
    void anotherSeedGivesOtherData(@TempDir Path first, @TempDir Path second) throws IOException {
        GeneratedSet a = new SyntheticDataGenerator(TINY, 7).writeTo(first);
        GeneratedSet b = new SyntheticDataGenerator(TINY, 8).writeTo(second);
        assertThat(Files.readAllBytes(a.extracts().get("sys06"))).isNotEqualTo(Files.readAllBytes(b.extracts().get("sys06")));
    }

    @Test
    void writesExactlyTheRequestedSize(@TempDir Path folder) throws IOException {
        GeneratedSet set = new SyntheticDataGenerator(TINY, 7).writeTo(folder);
        assertThat(set.extracts()).containsOnlyKeys("rejsud", "indfak", "navision", "district", "nemkonto", "sys06", "sys07");
        assertThat(Files.readAllLines(set.persons())).hasSize(TINY.persons() + 1);
        long rows = 0;
        long accounts = 0;
        for (Path extract : set.extracts().values()) {
            List<String> lines = Files.readAllLines(extract);
            rows += lines.size() - 1;
            accounts += lines.stream().skip(1).map(line -> line.substring(0, line.indexOf(';'))).distinct().count();
        }
        assertThat(rows).isEqualTo(TINY.assignmentRows()).isEqualTo(set.assignmentRows());
        assertThat(accounts).isEqualTo(TINY.accounts());
        assertThat(Files.readAllLines(set.changeLogs().get("indfak"))).hasSize(TINY.changeEvents() + 1);
    }

    @Test
    void thePaymentSystemsUseTheRuleSetsEntitlementNames(@TempDir Path folder) throws IOException {
        GeneratedSet set = new SyntheticDataGenerator(TINY, 7).writeTo(folder);
        String navision = Files.readString(set.extracts().get("navision"));
        assertThat(navision).contains(";NS_BETALING;rights_set;").contains(";Bank prokura;prokura;1.000.000,00;");
        assertThat(Files.readString(set.extracts().get("rejsud"))).contains(";Godkender;role;");
    }
}

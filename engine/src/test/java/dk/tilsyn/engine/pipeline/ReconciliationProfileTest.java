package dk.tilsyn.engine.pipeline;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.io.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second extract of a reconciliation is read with its own profile: an IGA export in the IGA's layout against a
 * system extract in the canonical columns.
 */
class ReconciliationProfileTest {

    private static final Path DEMO = Path.of("..", "demo", "demostyrelsen");

    @TempDir
    Path dir;

    @Test
    void theOtherExtractIsReadWithItsOwnProfileNotTheSystems() throws IOException {
        Path iga = igaExport();

        List<Finding> findings = new AnalysisPipeline().run(request(iga, "iga-omada")).findings();

        // IndFak's own extract gives niol prokura up to 150.000; the IGA says 90.000.
        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.RECONCILIATION_DIFFERENCE)
                .anySatisfy(f -> assertThat(f.accounts()).contains(new AccountRef("indfak", "niol")));
    }

    @Test
    void withoutItsProfileTheSameExportIsRefusedForItsLayout() throws IOException {
        Path iga = igaExport();

        assertThatThrownBy(() -> new AnalysisPipeline().run(request(iga, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("account");
    }

    private Path igaExport() throws IOException {
        Path file = dir.resolve("indfak-iga.csv");
        Files.writeString(file, "Konto;Identitet;Navn;Kontostatus;Rettighed;Prokuraværdi\r\n"
                + "niol;P0043;Niels Olsen;Aktiv;Prokura;90.000,00\r\n", StandardCharsets.UTF_8);
        return file;
    }

    private static AnalysisRequest request(Path other, String profile) {
        return new AnalysisRequest(DEMO.resolve("persons.csv"),
                List.of(new SystemFile("indfak", DEMO.resolve("extracts").resolve("indfak.csv"))), List.of(), List.of(),
                List.of(new Reconciliation("indfak", other, Set.of("Prokura"), profile)), null, Map.of(), null, Set.of(),
                LocalDate.of(2026, 10, 31));
    }
}

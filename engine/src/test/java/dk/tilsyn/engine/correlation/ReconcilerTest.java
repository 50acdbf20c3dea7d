package dk.tilsyn.engine.correlation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.extracts.ExtractReader;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.io.TestFiles;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerTest {

    @TempDir
    Path dir;

    private Extract extract(String name, String csv) {
        return new ExtractReader().read(TestFiles.text(dir, name, csv, UTF_8), "Kvantum");
    }

    @Test
    void reportsOneSidedAndDifferingAssignmentsOnlyForChosenEntitlements() {
        Extract iga = extract("omada.csv", """
                account;entitlement;amount_limit;valid_to
                JHA;Lederhat;;
                JHA;Prokuraværdi;50.000;
                AOE;Prokuraværdi;10000;2025-12-31
                AOE;SAP_ALL;;
                """);
        Extract sap = extract("kvantum.csv", """
                account;entitlement;amount_limit;valid_to
                jha;lederhat;;
                jha;Prokuraværdi;50000.00;
                aoe;Prokuraværdi;10000;
                sae;Lederhat;;
                """);

        var findings = new Reconciler().compare(iga, sap, Set.of("Lederhat", "Prokuraværdi"));

        assertThat(findings).extracting(Finding::explanation).containsExactly(
                "Kontoen \"AOE\" i Kvantum har \"Prokuraværdi\" i begge kilder, men de afviger (omada.csv mod "
                        + "kvantum.csv): gyldig til 2025-12-31 mod null.",
                "Kontoen \"sae\" i Kvantum har \"Lederhat\" ifølge kvantum.csv, men ikke ifølge omada.csv. Afstem de "
                        + "to kilder.");
        assertThat(findings.getFirst().kind()).isEqualTo(FindingKind.RECONCILIATION_DIFFERENCE);
        assertThat(findings.getFirst().evidence()).containsExactly(new SourceRef("kvantum.csv", 4),
                new SourceRef("omada.csv", 4));
    }
}

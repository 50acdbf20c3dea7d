package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dk.tilsyn.engine.analysis.Fixtures.AS_OF;
import static dk.tilsyn.engine.analysis.Fixtures.account;
import static dk.tilsyn.engine.analysis.Fixtures.mandate;
import static dk.tilsyn.engine.analysis.Fixtures.person;
import static dk.tilsyn.engine.analysis.Fixtures.prokura;
import static dk.tilsyn.engine.analysis.Fixtures.rightsSet;
import static dk.tilsyn.engine.analysis.Fixtures.role;
import static org.assertj.core.api.Assertions.assertThat;

class AnalyzerTest {

    private static final Analyzer ANALYZER = new Analyzer(RuleSetLoader.loadDefault());

    private static final List<Subject> SUBJECTS = build();

    private static List<Subject> subjects() {
        return SUBJECTS;
    }

    private static List<Subject> build() {
        return List.of(
                person("B", account("district", "d", mandate("Alene", "10"))),
                person("A", account("rejsud", "r", role("Godkender"), prokura("10")),
                        account("navision", "n", rightsSet("SUPER"), rightsSet("NS_BOGHOLDER"))),
                person("C", account("indfak", "i", role("Lokal systemadministrator"))));
    }

    @Test
    void sortedBySeverityRulePersonAndDeterministic() {
        List<Finding> findings = ANALYZER.analyse(subjects(), AS_OF);
        assertThat(findings).extracting(f -> f.severity() + " " + f.rule() + " " + f.person()).containsExactly(
                "CRITICAL approval-and-privileged A",
                "HIGH accounting-and-privileged A",
                "HIGH derived-approval-and-navision A",
                "HIGH navision-super-own-user A",
                "HIGH sole-mandate B",
                "INFO privileged-user A",
                "INFO privileged-user C");
        List<Subject> shuffled = new ArrayList<>(subjects());
        Collections.reverse(shuffled);
        assertThat(ANALYZER.analyse(shuffled, AS_OF)).isEqualTo(findings);
        assertThat(new Analyzer(RuleSetLoader.loadDefault()).analyse(subjects(), AS_OF)).isEqualTo(findings);
    }

    @Test
    void whatIfReturnsExactlyTheNewFindings() {
        Subject subject = person("W", account("rejsud", "r", role("Godkender")),
                account("navision", "n", rightsSet("SUPER")));
        assertThat(ANALYZER.analyse(subject, AS_OF)).extracting(Finding::rule)
                .containsExactly("navision-super-own-user", "privileged-user");
        List<Finding> added = ANALYZER.whatIf(subject, new ProposedAssignment("rejsud", "r", "Beløbsgrænse",
                EntitlementType.PROKURA, new BigDecimal("25000")), AS_OF);
        assertThat(added).extracting(Finding::rule).containsExactly("approval-and-privileged");
        assertThat(added.getFirst().accounts()).containsExactly(new AccountRef("navision", "n"),
                new AccountRef("rejsud", "r"));
        assertThat(ANALYZER.whatIf(subject, new ProposedAssignment("rejsud", "r", "Beløbsgrænse",
                EntitlementType.PROKURA, BigDecimal.ZERO), AS_OF)).isEmpty();
    }

    @Test
    void whatIfOnANewAccountAndAGrowingFinding() {
        Subject subject = person("X", account("navision", "n", rightsSet("SUPER")));
        List<Finding> added = ANALYZER.whatIf(subject, new ProposedAssignment("indfak", "x-ny",
                "Lokal systemadministrator", EntitlementType.ROLE, null), AS_OF);
        // privileged-user already fires, but now on one more function: the work need of the new one is undocumented
        assertThat(added).extracting(Finding::rule).containsExactly("privileged-user");
        assertThat(added.getFirst().systems()).containsExactly("indfak", "navision");
    }

    @Test
    void baselineDeviations() {
        BaselineChecker checker = new BaselineChecker(RuleSetLoader.loadDefault());
        List<Finding> findings = checker.check(Map.of("sap", Map.of("login/password_expiration_time", "999",
                "login/password_history_size", "3")));
        assertThat(findings).extracting(Finding::rule).containsExactly("sap-password-expiration",
                "sap-password-history");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.BASELINE_DEVIATION);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
        assertThat(findings.getFirst().explanation()).startsWith(
                "sap: parameteren login/password_expiration_time er 999; forventet <= 365.");
        assertThat(checker.check(Map.of("sap", Map.of("login/password_expiration_time", "365",
                "login/password_history_size", "24")))).isEmpty();
        assertThat(checker.check(Map.of("sap", Map.of("login/password_expiration_time", "90"))))
                .extracting(Finding::explanation).singleElement().asString()
                .startsWith("sap: parameteren login/password_history_size er ikke angivet");
        assertThat(checker.check(Map.of())).isEmpty();
    }

    @Test
    void matrixMarksConflictingCellsAndSerialisesToJson() throws Exception {
        Matrix matrix = ANALYZER.matrix(subjects(), AS_OF);
        assertThat(matrix.rows()).extracting(Matrix.Row::personId).containsExactly("A", "B", "C");
        int approval = columnIndex(matrix, "rejsud", "approval");
        int posting = columnIndex(matrix, "navision", "posting");
        int caseworker = columnIndex(matrix, "nemkonto", "caseworker");
        Matrix.Row a = matrix.rows().getFirst();
        assertThat(a.cells().get(approval)).isEqualTo(new Matrix.Cell(true, true,
                List.of("derived-approval-and-navision", "approval-and-privileged")));
        assertThat(a.cells().get(posting).conflict()).isTrue();
        assertThat(a.cells().get(caseworker)).isEqualTo(new Matrix.Cell(false, false, List.of()));
        Matrix.Row c = matrix.rows().get(2);
        assertThat(c.conflict()).isFalse(); // a privileged user alone is listed, not a conflict
        assertThat(c.cells().get(columnIndex(matrix, "indfak", "local-admin")))
                .isEqualTo(new Matrix.Cell(true, false, List.of("privileged-user")));
        String json = JsonMapper.builder().build().writeValueAsString(matrix);
        assertThat(json).contains("\"ruleSetId\":\"oes-udbetalingsproces\"",
                "{\"system\":\"rejsud\",\"systemName\":\"RejsUd\",\"function\":\"approval\"");
    }

    private static int columnIndex(Matrix matrix, String system, String function) {
        for (int i = 0; i < matrix.columns().size(); i++) {
            if (matrix.columns().get(i).system().equals(system) && matrix.columns().get(i).function().equals(function)) {
                return i;
            }
        }
        throw new AssertionError(system + "." + function);
    }
}

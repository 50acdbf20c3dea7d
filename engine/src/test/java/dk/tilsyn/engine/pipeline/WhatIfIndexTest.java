package dk.tilsyn.engine.pipeline;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.analysis.ProposedAssignment;
import dk.tilsyn.engine.analysis.Subject;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The preventive check's index on the demo data, read as the web app reads a run's frozen files. */
class WhatIfIndexTest {

    private static final Path DEMO = Path.of("..", "demo", "demostyrelsen");
    private static final WhatIfIndex INDEX = WhatIfIndex.load(new AnalysisRequest(DEMO.resolve("persons.csv"),
            List.of("rejsud", "indfak", "navision", "district", "nemkonto").stream()
                    .map(s -> new SystemFile(s, DEMO.resolve("extracts").resolve(s + ".csv"))).toList(),
            List.of(), List.of(), List.of(), null, Map.of(), null, Set.of(), LocalDate.of(2026, 10, 31)));

    @Test
    void bookkeepingInNavisionForADisponentInIndFakIsTheDerivedApprovalConflict() {
        // Niels Olsen (P0043) is disponent with prokura in IndFak (account niol) and has no Navision Stat account.
        Subject niels = INDEX.person("P0043").orElseThrow();
        assertThat(INDEX.accountsIn(niels, "indfak")).containsExactly("niol");
        assertThat(INDEX.accountsIn(niels, "navision")).isEmpty();

        List<Finding> added = INDEX.whatIf(niels, new ProposedAssignment("navision", "niol-ny", "NS_BOGHOLDER",
                EntitlementType.RIGHTS_SET, null));

        assertThat(added).extracting(Finding::rule).containsExactly("derived-approval-and-navision");
        Finding conflict = added.getFirst();
        assertThat(conflict.kind()).isEqualTo(FindingKind.SOD_CONFLICT);
        assertThat(conflict.person()).isEqualTo("P0043");
        // He approves in RejsUd too (account niol): the one finding names every approving account with the new one.
        assertThat(conflict.systems()).containsExactly("indfak", "navision", "rejsud");
        assertThat(conflict.accounts()).contains(new AccountRef("indfak", "niol"), new AccountRef("navision", "niol-ny"));
    }

    @Test
    void theSameGrantToSomeoneWhoApprovesNothingAddsNothing() {
        // Åse Jensen (P0004) is only a traveller in RejsUd.
        Subject aase = INDEX.person("P0004").orElseThrow();
        assertThat(INDEX.whatIf(aase, new ProposedAssignment("navision", "aasje", "NS_BOGHOLDER",
                EntitlementType.RIGHTS_SET, null))).isEmpty();
    }

    @Test
    void aLookAlikeEntitlementAddsNothingAndIsNamedAsUnknownToTheRuleSet() {
        Subject niels = INDEX.person("P0043").orElseThrow();
        assertThat(INDEX.whatIf(niels, new ProposedAssignment("navision", "niol", "NS_BOGHOLDER_LÆS",
                EntitlementType.RIGHTS_SET, null))).isEmpty();
        assertThat(INDEX.couldMatter("navision", "NS_BOGHOLDER_LÆS", EntitlementType.RIGHTS_SET)).isFalse();
        assertThat(INDEX.couldMatter("navision", "ns_bogholder", EntitlementType.RIGHTS_SET)).isTrue();
        // A prokura of any name can complete an approving function.
        assertThat(INDEX.couldMatter("rejsud", "Enhver prokura", EntitlementType.PROKURA)).isTrue();
        assertThat(INDEX.knowsSystem("navision")).isTrue();
        assertThat(INDEX.knowsSystem("navisjon")).isFalse();
    }

    @Test
    void aGrantOnAnExistingAccountCountsItsOtherRights() {
        // Torben Johansen (P0001) approves in RejsUd; a prokura there is not new, Godkender already needs one.
        Subject torben = INDEX.person("P0001").orElseThrow();
        assertThat(INDEX.whatIf(torben, new ProposedAssignment("rejsud", "tojo", "Prokura", EntitlementType.PROKURA,
                new BigDecimal("50000")))).isEmpty();
        assertThat(INDEX.whatIf(torben, new ProposedAssignment("rejsud", "tojo", "Lokal systemadministrator",
                EntitlementType.ROLE, null))).extracting(Finding::kind).contains(FindingKind.SOD_CONFLICT);
    }

    @Test
    void everyPersonOfTheHrMasterIsKnownAndNoOneElse() {
        assertThat(INDEX.personCount()).isEqualTo(150);
        assertThat(INDEX.person("P0150")).isPresent();
        assertThat(INDEX.person("P9999")).isEmpty();
        assertThat(INDEX.ruleSet().id()).isEqualTo("oes-udbetalingsproces");
        assertThat(INDEX.asOf()).isEqualTo(LocalDate.of(2026, 10, 31));
    }
}

package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.tilsyn.engine.analysis.Fixtures.AS_OF;
import static dk.tilsyn.engine.analysis.Fixtures.account;
import static dk.tilsyn.engine.analysis.Fixtures.expired;
import static dk.tilsyn.engine.analysis.Fixtures.inactive;
import static dk.tilsyn.engine.analysis.Fixtures.mandate;
import static dk.tilsyn.engine.analysis.Fixtures.person;
import static dk.tilsyn.engine.analysis.Fixtures.prokura;
import static dk.tilsyn.engine.analysis.Fixtures.rightsSet;
import static dk.tilsyn.engine.analysis.Fixtures.role;
import static org.assertj.core.api.Assertions.assertThat;

/** A positive case and a negative look-alike for every rule of the default rule set. */
class DefaultRuleSetGoldenTest {

    private static final Analyzer ANALYZER = new Analyzer(RuleSetLoader.loadDefault());

    private static List<String> rules(Subject subject) {
        return ANALYZER.analyse(subject, AS_OF).stream().map(Finding::rule).toList();
    }

    @Test
    void rejsudApproverWhoPostsInNavisionIsAConflict() {
        Assignment godkender = role("Godkender");
        Assignment limit = prokura("50000");
        Assignment bogholder = rightsSet("NS_BOGHOLDER");
        Subject subject = person("P1", account("rejsud", "r-p1", godkender, limit),
                account("navision", "N-P1", bogholder));
        List<Finding> findings = ANALYZER.analyse(subject, AS_OF);
        assertThat(findings).hasSize(1);
        Finding finding = findings.getFirst();
        assertThat(finding.rule()).isEqualTo("derived-approval-and-navision");
        assertThat(finding.kind()).isEqualTo(FindingKind.SOD_CONFLICT);
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.person()).isEqualTo("P1");
        assertThat(finding.systems()).containsExactly("navision", "rejsud");
        assertThat(finding.accounts()).containsExactly(new AccountRef("navision", "N-P1"),
                new AccountRef("rejsud", "r-p1"));
        assertThat(finding.evidence()).containsExactly(godkender.source(), limit.source(), bogholder.source());
        assertThat(finding.explanation()).contains("Person P1", "RejsUd: Godkender med prokura (konto r-p1)",
                "Navision Stat: Bogføring (NS_BOGHOLDER) (konto N-P1)");
    }

    @Test
    void godkenderWithoutProkuraIsNoApprover() {
        assertThat(rules(person("P2", account("rejsud", "r", role("Godkender")),
                account("navision", "n", rightsSet("NS_BOGHOLDER"))))).isEmpty();
    }

    @Test
    void indfakDisposerWhoFinalApprovesInNavisionIsAConflict() {
        assertThat(rules(person("P3", account("indfak", "i", role("Disponent Ordre"), prokura("1000")),
                account("navision", "n", rightsSet("NS_BETALING"), prokura("1000")))))
                .containsExactly("derived-approval-and-navision");
    }

    @Test
    void firstApprovalAloneInNavisionIsNotFinalApproval() {
        assertThat(rules(person("P4", account("indfak", "i", role("Disponent Ordre"), prokura("1000")),
                account("navision", "n", rightsSet("NS_BETALING"))))).isEmpty();
    }

    @Test
    void disposerWhoApprovesInTheBankIsAConflict() {
        assertThat(rules(person("P5", account("indfak", "i", role("Disponent Faktura"), prokura("1000")),
                account("district", "d", mandate("B", "100000"))))).containsExactly("derived-approval-and-bank");
    }

    @Test
    void disponentFakturaWithProkuraZeroIsNoDisposer() {
        assertThat(rules(person("P6", account("indfak", "i", role("Disponent Faktura"), prokura("0")),
                account("district", "d", mandate("B", "100000"))))).isEmpty();
    }

    @Test
    void prokuraWithoutAStatedAmountCounts() {
        assertThat(rules(person("P7", account("indfak", "i", role("disponent faktura"), prokura(null)),
                account("district", "d", mandate("b", null))))).containsExactly("derived-approval-and-bank");
    }

    @Test
    void approverWithPrivilegedAccessInAnotherSystemIsCritical() {
        List<Finding> findings = ANALYZER.analyse(person("P8",
                account("rejsud", "r", role("Godkender"), prokura("5000")),
                account("navision", "n", rightsSet("SUPER"))), AS_OF);
        assertThat(findings).extracting(Finding::rule).containsExactly("approval-and-privileged",
                "navision-super-own-user", "privileged-user");
        assertThat(findings.getFirst().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void localAdminWithGodkenderButNoProkuraIsOnlyAPrivilegedUser() {
        assertThat(rules(person("P9", account("rejsud", "r", role("Godkender"), role("Lokal systemadministrator")))))
                .containsExactly("privileged-user");
    }

    @Test
    void localAdminWhoApprovesInTheSameSystemIsTable1AndNotReportedTwice() {
        assertThat(rules(person("P10", account("rejsud", "r", role("Godkender"), role("Lokal systemadministrator"),
                prokura("5000"))))).containsExactly("approval-and-privileged", "local-admin-with-prokura",
                "privileged-user");
    }

    @Test
    void posterWithPrivilegedAccessIsAConflict() {
        assertThat(rules(person("P11", account("navision", "n", rightsSet("NS_BOGHOLDER")),
                account("indfak", "i", role("Lokal systemadministrator")))))
                .containsExactly("accounting-and-privileged", "privileged-user");
    }

    @Test
    void posterWithNemKontoAccessIsNothing() {
        assertThat(rules(person("P12", account("navision", "n", rightsSet("NS_BOGHOLDER")),
                account("nemkonto", "k", role("Sagsbehandler"))))).isEmpty();
    }

    @Test
    void localAdminWithProkuraButNoApproverRoleIsReported() {
        assertThat(rules(person("P13", account("indfak", "i", role("Lokal systemadministrator"), prokura("1000")))))
                .containsExactly("local-admin-with-prokura", "privileged-user");
    }

    @Test
    void localAdminWithProkuraZeroIsNotReportedForProkura() {
        assertThat(rules(person("P14", account("indfak", "i", role("Lokal systemadministrator"), prokura("0")))))
                .containsExactly("privileged-user");
    }

    @Test
    void agreementAdminWithSoleMandateIsCriticalAndReplacesTheGeneralRule() {
        List<Finding> findings = ANALYZER.analyse(person("P15", account("district", "d",
                role("Aftaleadministrator"), mandate("Alene", "1000000"))), AS_OF);
        assertThat(findings).extracting(Finding::rule).containsExactly("agreement-admin-with-sole-mandate",
                "sole-mandate", "privileged-user");
        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.CRITICAL, Severity.HIGH,
                Severity.INFO);
    }

    @Test
    void agreementAdminWithJointMandateIsTheGeneralApproverRule() {
        assertThat(rules(person("P16", account("district", "d", role("Aftaleadministrator"), mandate("B", "1000")))))
                .containsExactly("approval-and-privileged", "privileged-user");
    }

    @Test
    void soleMandateIsSoleAuthorityButBMandateIsNot() {
        List<Finding> alene = ANALYZER.analyse(person("P17", account("district", "d", mandate("Alene", "5000"))),
                AS_OF);
        assertThat(alene).extracting(Finding::rule).containsExactly("sole-mandate");
        assertThat(alene.getFirst().kind()).isEqualTo(FindingKind.SOLE_AUTHORITY);
        assertThat(rules(person("P18", account("district", "d", mandate("B", "5000"))))).isEmpty();
    }

    @Test
    void superOnAnOwnUserIsReportedButOnASupplierAccountOnlyListed() {
        assertThat(rules(person("P19", account("navision", "n", rightsSet("SUPER(DATA)")))))
                .containsExactly("navision-super-own-user", "privileged-user");
        Account supplier = new Account("navision", "KMD-DRIFT", null, "KMD-DRIFT", null, null, AccountType.SERVICE,
                true, List.of(rightsSet("SUPER")), List.of());
        List<Finding> findings = ANALYZER.analyse(Subject.account(supplier), AS_OF);
        assertThat(findings).extracting(Finding::rule).containsExactly("privileged-user");
        assertThat(findings.getFirst().person()).isNull();
        assertThat(findings.getFirst().explanation()).startsWith("Konto navision/KMD-DRIFT (service) har:");
    }

    @Test
    void globalAdminOnAnOwnUserIsReportedButNotOnTheSuppliersAccount() {
        assertThat(rules(person("P20", account("indfak", "i", role("Global systemadministrator")))))
                .containsExactly("global-admin-own-user", "privileged-user");
        Account supplier = new Account("indfak", "miracle", null, null, null, null, AccountType.SERVICE, true,
                List.of(role("Global systemadministrator")), List.of());
        assertThat(rules(Subject.account(supplier))).containsExactly("privileged-user");
    }

    @Test
    void setupAndTransactionInOneSystemIsReportedWhereNoStrongerRuleCoversIt() {
        // In the default set every setup+transaction pair is also approver/poster+privileged, which supersedes it.
        assertThat(rules(person("P21", account("navision", "n", rightsSet("SUPER"), rightsSet("NS_BOGHOLDER")))))
                .containsExactly("accounting-and-privileged", "navision-super-own-user", "privileged-user");
    }

    @Test
    void systemEnforcedSeparationsAreNotFindings() {
        assertThat(rules(person("P22", account("navision", "n", rightsSet("NS_BOGHOLDER"), rightsSet("NS_BETALING"),
                prokura("100000"))))).isEmpty();
        assertThat(rules(person("P23", account("rejsud", "r", role("Rejsende"), role("Godkender"),
                prokura("100000"))))).isEmpty();
        assertThat(rules(person("P24", account("indfak", "i", role("Indkøber"), role("Rekvirent"),
                role("Disponent Ordre"), role("Disponent Faktura"), prokura("100000"))))).isEmpty();
    }

    @Test
    void expiredAssignmentsAndInactiveAccountsDoNotCount() {
        assertThat(rules(person("P25", account("rejsud", "r", role("Godkender"), expired(prokura("5000"))),
                account("navision", "n", rightsSet("NS_BOGHOLDER"))))).isEmpty();
        assertThat(rules(person("P26", account("rejsud", "r", role("Godkender"), prokura("5000")),
                inactive(account("navision", "n", rightsSet("NS_BOGHOLDER")))))).isEmpty();
    }

    @Test
    void assignmentsNotYetValidDoNotCount() {
        Assignment future = new Assignment("SUPER", dk.tilsyn.engine.access.EntitlementType.RIGHTS_SET, null,
                AS_OF.plusDays(1), null, null, null, new SourceRef("x.csv", 9));
        assertThat(rules(person("P27", account("navision", "n", future)))).isEmpty();
    }

    @Test
    void accountsOfUnknownSystemsAreIgnored() {
        assertThat(rules(person("P28", account("ukendt", "u", role("SUPER"))))).isEmpty();
    }
}

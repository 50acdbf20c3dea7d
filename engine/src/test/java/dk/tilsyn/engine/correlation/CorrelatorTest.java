package dk.tilsyn.engine.correlation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.extracts.ExtractReader;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.io.TestFiles;
import dk.tilsyn.engine.persons.PersonsReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelatorTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final String PERSONS = """
            person_id;name;email;username;employment_end
            P1;Jens Hansen;jha@kommune.dk;jha;
            P2;Åse Øster;aoe@kommune.dk;aoe;
            P3;Søren Ærø;sae@kommune.dk;sae;
            P4;Lone Lund;llu@kommune.dk;llu;
            P5;Ole Fratrådt;ofr@kommune.dk;ofr;2025-06-29
            P6;Kim Sidste;ksi@kommune.dk;ksi;2025-06-30
            """;

    @TempDir
    Path dir;

    private Correlation correlate(String mapping, String... extractLines) {
        Path persons = TestFiles.text(dir, "persons.csv", PERSONS, UTF_8);
        ManualMapping manual = mapping == null ? ManualMapping.NONE
                : new MappingReader().read(TestFiles.text(dir, "mapping.csv", mapping, UTF_8));
        Path file = TestFiles.text(dir, "rejsud.csv", String.join("\n", extractLines) + "\n", UTF_8);
        Extract extract = new ExtractReader().read(file, "RejsUd");
        return new Correlator(new PersonsReader().read(persons), manual).correlate(List.of(extract), AS_OF);
    }

    private static List<Finding> of(Correlation correlation, FindingKind kind) {
        return correlation.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void precedencePersonIdThenUsernameThenEmailThenMapping() {
        Correlation c = correlate("system;account;person_id\nRejsUd;a1;P4\nRejsUd;a2;P4\nRejsUd;a3;P4\nRejsUd;a4;P4\n",
                "account;person_id;username;email",
                "a1;P1;aoe;sae@kommune.dk",
                "a2;;aoe;sae@kommune.dk",
                "a3;;;sae@kommune.dk",
                "a4;;;",
                "a5;PX;  JHA ;",
                "a6;;;  SAE@Kommune.DK ");

        assertThat(c.links().values()).extracting(l -> l.account().account(), Link::personId, Link::method)
                .containsExactly(tuple("a1", "P1", MatchMethod.PERSON_ID), tuple("a2", "P2", MatchMethod.USERNAME),
                        tuple("a3", "P3", MatchMethod.EMAIL), tuple("a4", "P4", MatchMethod.MAPPING),
                        tuple("a5", "P1", MatchMethod.USERNAME), tuple("a6", "P3", MatchMethod.EMAIL));
        assertThat(c.activeAccountsOf(Subject.person("P3"))).extracting(a -> a.account())
                .containsExactly("a3", "a6");
    }

    @Test
    void orphanAccountWithEvidenceAndDanishExplanation() {
        Correlation c = correlate(null, "account;username;entitlement", "x9;ukendt;Godkender", "x9;;Prokura");

        assertThat(c.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.ORPHAN_ACCOUNT);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.rule()).isEqualTo("correlation.orphan-account");
            assertThat(f.person()).isNull();
            assertThat(f.accounts()).containsExactly(new AccountRef("RejsUd", "x9"));
            assertThat(f.evidence()).containsExactly(new SourceRef("rejsud.csv", 2), new SourceRef("rejsud.csv", 3));
            assertThat(f.explanation()).isEqualTo("Kontoen \"x9\" i RejsUd kan ikke knyttes til nogen person i "
                    + "personregistret (hverken via person-id, brugernavn, e-mail eller manuel tilknytning). Find "
                    + "ejeren, eller luk kontoen.");
        });
        assertThat(c.activeAccountsOf(Subject.account(new AccountRef("RejsUd", "x9")))).hasSize(1);
    }

    @Test
    void inactiveOrphanIsNotReported() {
        assertThat(correlate(null, "account;status", "x9;inactive").findings()).isEmpty();
    }

    @Test
    void robotWithoutResponsiblePersonIsReportedButNotMatchedByUsername() {
        Correlation c = correlate(null, "account;account_type;username", "rpa01;robot;jha");

        assertThat(c.link(new AccountRef("RejsUd", "rpa01")).personId()).isNull();
        assertThat(c.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("correlation.unowned-account");
            assertThat(f.kind()).isEqualTo(FindingKind.ORPHAN_ACCOUNT);
            assertThat(f.explanation()).startsWith("Den upersonlige konto \"rpa01\" (robot) i RejsUd har ingen "
                    + "ansvarlig person.");
        });
    }

    @Test
    void robotWithResponsiblePersonByColumnOrMappingIsNotAnOrphan() {
        Correlation c = correlate("system;account;person_id\nRejsUd;batch1;P2\n",
                "account;account_type;person_id", "rpa01;robot;P1", "batch1;batch;");

        assertThat(c.findings()).isEmpty();
        assertThat(c.links().values()).extracting(l -> l.subject().isPerson(), Link::personId, Link::method)
                .containsExactly(tuple(false, "P1", MatchMethod.PERSON_ID), tuple(false, "P2", MatchMethod.MAPPING));
        assertThat(c.activeAccountsOf(Subject.person("P1"))).isEmpty();
    }

    @Test
    void duplicateAccountsNameBothAccountsAndThePersonRow() {
        Correlation c = correlate(null, "account;person_id", "jha;P1", "jha2;P1");

        assertThat(of(c, FindingKind.DUPLICATE_ACCOUNT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.person()).isEqualTo("P1");
            assertThat(f.evidence()).containsExactly(new SourceRef("persons.csv", 2), new SourceRef("rejsud.csv", 2),
                    new SourceRef("rejsud.csv", 3));
            assertThat(f.explanation()).isEqualTo("Jens Hansen (P1) har 2 aktive konti i RejsUd: \"jha\", \"jha2\". "
                    + "Hver person må kun have én adgangsgivende konto pr. system; luk de overflødige.");
        });
    }

    @Test
    void inactiveSecondAccountIsNotADuplicate() {
        assertThat(correlate(null, "account;person_id;status", "jha;P1;active", "jha-old;P1;inactive").findings())
                .isEmpty();
    }

    @Test
    void leaverBoundaryIsTheLastDayOfEmployment() {
        Correlation c = correlate(null, "account;person_id", "ofr;P5", "ksi;P6");

        assertThat(c.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.LEAVER_ACCESS);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.person()).isEqualTo("P5");
            assertThat(f.explanation()).isEqualTo("Ole Fratrådt (P5) fratrådte 2025-06-29, men har pr. 2025-06-30 "
                    + "stadig aktiv adgang: RejsUd \"ofr\". Luk adgangene.");
        });
    }

    @Test
    void masterDataMismatchIgnoresCaseAndSpacing() {
        Correlation c = correlate(null, "account;person_id;name;email",
                "jha;P1;  jens   HANSEN ;JHA@kommune.dk",
                "aoe;P2;Åse Østergaard;aoe@kommune.dk");

        assertThat(c.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.MASTER_DATA_MISMATCH);
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.accounts()).containsExactly(new AccountRef("RejsUd", "aoe"));
            assertThat(f.explanation()).isEqualTo("Stamdata for Åse Øster (P2) i RejsUd (konto \"aoe\") afviger fra "
                    + "personregistret: navn \"Åse Østergaard\" mod \"Åse Øster\". Ajourfør systemet.");
        });
    }

    @Test
    void findingsAreSortedByKindThenPerson() {
        Correlation c = correlate(null, "account;person_id;name", "zz;;", "ofr;P5;", "jha;P1;", "jha2;P1;Jens H");

        assertThat(c.findings()).extracting(Finding::kind, Finding::person).containsExactly(
                tuple(FindingKind.ORPHAN_ACCOUNT, null), tuple(FindingKind.DUPLICATE_ACCOUNT, "P1"),
                tuple(FindingKind.LEAVER_ACCESS, "P5"), tuple(FindingKind.MASTER_DATA_MISMATCH, "P1"));
    }
}

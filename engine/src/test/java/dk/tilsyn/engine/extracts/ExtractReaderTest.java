package dk.tilsyn.engine.extracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.io.ImportProblem;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.io.TestFiles;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractReaderTest {

    private static final String HEADER = "account;person_id;username;email;name;account_type;status;entitlement;"
            + "entitlement_type;amount_limit;valid_from;valid_to;assigned_by;assigned_at";

    @TempDir
    Path dir;

    private final ExtractReader reader = new ExtractReader();

    private Path csv(String... lines) {
        return TestFiles.text(dir, "extract.csv", String.join("\n", lines) + "\n", UTF_8);
    }

    private InvalidInputException rejected(Path file) {
        return catchThrowableOfType(InvalidInputException.class, () -> reader.read(file, "RejsUd"));
    }

    @Test
    void groupsRowsOfOneAccountAndAppliesDefaults() {
        Path file = csv(HEADER,
                "jha;P1;jha;jha@kommune.dk;Jens Hansen;;;Godkender;;;01-01-2024;31.12.2025;sae;2024-01-02",
                "aoe;P2;;;;;inactive;;;;;;;",
                "jha;P1;;;;;;Prokura;prokura;50.000,00;;;;");

        Extract extract = reader.read(file, "RejsUd");

        assertThat(extract.system()).isEqualTo("RejsUd");
        assertThat(extract.facts().rows()).isEqualTo(3);
        assertThat(extract.accounts()).extracting(Account::account, Account::personId, Account::type,
                Account::active).containsExactly(tuple("jha", "P1", AccountType.PERSONAL, true),
                tuple("aoe", "P2", AccountType.PERSONAL, false));
        Account jha = extract.accounts().getFirst();
        assertThat(jha.system()).isEqualTo("RejsUd");
        assertThat(jha.email()).isEqualTo("jha@kommune.dk");
        assertThat(jha.sources()).containsExactly(new SourceRef("extract.csv", 2), new SourceRef("extract.csv", 4));
        assertThat(jha.assignments()).containsExactly(
                new Assignment("Godkender", EntitlementType.ROLE, null, LocalDate.of(2024, 1, 1),
                        LocalDate.of(2025, 12, 31), "sae", LocalDate.of(2024, 1, 2), new SourceRef("extract.csv", 2)),
                new Assignment("Prokura", EntitlementType.PROKURA, new BigDecimal("50000.00"), null, null, null,
                        null, new SourceRef("extract.csv", 4)));
        Account aoe = extract.accounts().get(1);
        assertThat(aoe.assignments()).isEmpty();
        assertThat(aoe.sources()).containsExactly(new SourceRef("extract.csv", 3));
    }

    @Test
    void onlyAccountColumnIsRequiredAndCodesAreCaseInsensitive() {
        Path file = csv("Account;Account_Type;Entitlement;ENTITLEMENT_TYPE", "rpa01;Robot;Bogføring;Rights_Set");

        Account account = reader.read(file, "NS").accounts().getFirst();

        assertThat(account.type()).isEqualTo(AccountType.ROBOT);
        assertThat(account.personId()).isNull();
        assertThat(account.assignments()).extracting(Assignment::entitlement, Assignment::type)
                .containsExactly(tuple("Bogføring", EntitlementType.RIGHTS_SET));
    }

    @Test
    void repeatedEntitlementNamesShareOneString() {
        Path file = csv("account;entitlement", "a;Godkender", "b;Godkender");

        Extract extract = reader.read(file, "RejsUd");

        assertThat(extract.accounts().get(0).assignments().getFirst().entitlement())
                .isSameAs(extract.accounts().get(1).assignments().getFirst().entitlement());
    }

    @Test
    void unknownAccountTypeNamesLineColumnValueAndAllowedValues() {
        InvalidInputException e = rejected(csv("account;account_type", "a;personal", "b;menneske"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("invalid-code");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("account_type");
            assertThat(p.value()).isEqualTo("menneske");
            assertThat(p.message()).isEqualTo("extract.csv linje 3, kolonne \"account_type\": \"menneske\" er ikke "
                    + "en gyldig værdi (tilladt: personal, generic, robot, batch, firefighter, service).");
        });
    }

    @Test
    void unknownStatusAndEntitlementTypeAreReportedTogether() {
        InvalidInputException e = rejected(csv("account;status;entitlement;entitlement_type", "a;slettet;R;rolle"));

        assertThat(e.problems()).extracting(ImportProblem::column, ImportProblem::value, ImportProblem::code)
                .containsExactly(tuple("status", "slettet", "invalid-code"),
                        tuple("entitlement_type", "rolle", "invalid-code"));
        assertThat(e.problems().get(1).message()).endsWith("(tilladt: role, rights_set, prokura, mandate, other).");
    }

    @Test
    void badAmountAndDateAreReported() {
        InvalidInputException e = rejected(csv("account;entitlement;amount_limit;valid_to", "a;P;50 000;31-02-2024"));

        assertThat(e.problems()).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::value,
                ImportProblem::code).containsExactly(tuple(2L, "amount_limit", "50 000", "invalid-amount"),
                tuple(2L, "valid_to", "31-02-2024", "invalid-date"));
    }

    @Test
    void conflictingPersonIdForOneAccountNamesBothLines() {
        InvalidInputException e = rejected(csv("account;person_id;entitlement", "jha;P1;A", "x;P9;A", "jha;P2;B"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("conflicting-value");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.args()).containsExactly("2", "P1");
            assertThat(p.message()).isEqualTo("extract.csv linje 4, kolonne \"person_id\": \"P2\" modsiger linje 2, "
                    + "hvor kontoen \"jha\" har \"P1\" (en konto kan kun have én værdi i kolonnen; ret den ene af "
                    + "linjerne).");
        });
    }

    @Test
    void conflictingAccountTypeIsAnErrorButAnEmptyCellIsNot() {
        InvalidInputException e = rejected(csv("account;account_type;entitlement", "r1;robot;A", "r1;;B",
                "r1;batch;C"));

        assertThat(e.problems()).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::value)
                .containsExactly(tuple(4L, "account_type", "batch"));
    }

    @Test
    void emptyAccountIsRequired() {
        InvalidInputException e = rejected(csv("account;entitlement", ";A"));

        assertThat(e.problems()).extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(tuple(2L, "required-value"));
    }

    @Test
    void missingAccountColumnIsRefused() {
        InvalidInputException e = rejected(csv("user;entitlement", "a;A"));

        assertThat(e.problems()).extracting(ImportProblem::code).containsExactly("missing-column");
        assertThat(e.problems().getFirst().message()).contains("\"account\"");
    }
}

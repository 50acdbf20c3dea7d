package dk.tilsyn.engine.profiles;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.extracts.ExtractReader;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.io.TabularSource;
import dk.tilsyn.engine.io.TestFiles;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {

    @TempDir
    Path dir;

    private final ProfileLoader loader = new ProfileLoader();

    private Extract read(String profileId, String csv) {
        Path file = TestFiles.text(dir, profileId + ".csv", csv, UTF_8);
        return loader.shipped(profileId).readExtract(new ExtractReader(), TabularSource.of(file), "SYS");
    }

    private static Assignment only(Account account) {
        assertThat(account.assignments()).hasSize(1);
        return account.assignments().getFirst();
    }

    @Test
    void everyShippedProfileLoadsAndSaysItIsAStartingPoint() {
        for (String id : ProfileLoader.SHIPPED) {
            ImportProfile profile = loader.shipped(id);
            assertThat(profile.id()).isEqualTo(id);
            assertThat(profile.note()).startsWith("Udgangspunkt, som skal tilpasses");
        }
    }

    @Test
    void rejsUdAndIndFakGroupMembership() {
        for (String id : new String[] {"rejsud-gruppemedlemskab", "indfak-gruppemedlemskab"}) {
            Extract extract = read(id, "Brugernavn;Navn;E-mail;Gruppe;Status\n"
                    + "JHA;Jens Hansen;jha@kommune.dk;Godkender;Aktiv\nSAE;Søren Ærø;;Lokal systemadministrator;Spærret\n");
            assertThat(extract.accounts()).extracting(Account::account, Account::email, Account::active)
                    .containsExactly(tuple("JHA", "jha@kommune.dk", true), tuple("SAE", null, false));
            assertThat(only(extract.accounts().get(1))).extracting(Assignment::entitlement, Assignment::type)
                    .containsExactly("Lokal systemadministrator", EntitlementType.ROLE);
        }
    }

    @Test
    void rejsUdAndIndFakAmountLimit() {
        for (String id : new String[] {"rejsud-beloebsgraense", "indfak-beloebsgraense"}) {
            Extract extract = read(id, "Bruger;Navn;Beløbsgrænse;Ændret af\nJHA;Jens Hansen;25.000,00;SAE\n");
            assertThat(only(extract.accounts().getFirst())).extracting(Assignment::entitlement, Assignment::type,
                    Assignment::amountLimit, Assignment::assignedBy)
                    .containsExactly("Prokura", EntitlementType.PROKURA, new BigDecimal("25000.00"), "SAE");
        }
    }

    @Test
    void navisionRightsSetsAndBankProkura() {
        Extract sets = read("navision-brugere-pr-rettighedssaet",
                "Bruger-id;Fulde navn;Rettighedssæt;Tilstand\nKOMMUNE\\JHA;Jens Hansen;NS_BETALING;Aktiveret\n");
        assertThat(only(sets.accounts().getFirst())).extracting(Assignment::entitlement, Assignment::type)
                .containsExactly("NS_BETALING", EntitlementType.RIGHTS_SET);

        Extract bank = read("navision-bank-prokuraopsaetning",
                "Bruger-id;Navn;Prokuratype;Beløbsgrænse;Startdato;Slutdato\nKOMMUNE\\JHA;Jens;Betaling;1.000.000;"
                        + "01.01.2024;31.12.2024\n");
        assertThat(only(bank.accounts().getFirst())).extracting(Assignment::type, Assignment::amountLimit,
                Assignment::validTo).containsExactly(EntitlementType.PROKURA, new BigDecimal("1000000"),
                LocalDate.of(2024, 12, 31));
    }

    @Test
    void districtMandateTypesAndRightsFromOneExport() {
        String csv = "Bruger-id;Navn;Brugerrettighed;Fuldmagtstype;Betalingsmaksimum\n"
                + "D1;Jens Hansen;Aftaleadministrator;Alene;500.000\nD2;Åse Øster;Betalinger;b;100.000\n";
        Extract mandates = read("district-brugeroversigt-fuldmagter", csv);
        assertThat(mandates.accounts()).extracting(a -> only(a).entitlement(), a -> only(a).type(),
                a -> only(a).amountLimit()).containsExactly(
                tuple("Alene-fuldmagt", EntitlementType.MANDATE, new BigDecimal("500000")),
                tuple("B-fuldmagt", EntitlementType.MANDATE, new BigDecimal("100000")));
        Extract rights = read("district-brugeroversigt-rettigheder", csv);
        assertThat(rights.accounts()).extracting(a -> only(a).entitlement())
                .containsExactly("Aftaleadministrator", "Betalinger");
    }

    @Test
    void sapRoleAssignments() {
        Extract extract = read("sap-agr-users", "UNAME;AGR_NAME;FROM_DAT;TO_DAT\nJHA;Z_FI_BOGFOER;01.01.2024;"
                + "31.12.9999\nJHA;Z_FI_BETAL;2024-02-01;2024-06-30\n");
        assertThat(extract.accounts().getFirst().assignments()).extracting(Assignment::entitlement,
                Assignment::validFrom, Assignment::validTo).containsExactly(
                tuple("Z_FI_BOGFOER", LocalDate.of(2024, 1, 1), LocalDate.of(9999, 12, 31)),
                tuple("Z_FI_BETAL", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 6, 30)));
    }

    @Test
    void igaExportWithAccountTypesAndProkuraValue() {
        Extract extract = read("iga-omada", "Konto;Identitet;Navn;Kontotype;Kontostatus;Rettighed;Prokuraværdi\n"
                + "jha;1001;Jens Hansen;Personlig;Aktiv;Lederhat;\njha;1001;;;;Prokuraværdi;50.000\n"
                + "rpa01;1001;Robot 1;Robot;Disabled;Bogføring;\n");
        assertThat(extract.accounts()).extracting(Account::account, Account::type, Account::active)
                .containsExactly(tuple("jha", AccountType.PERSONAL, true), tuple("rpa01", AccountType.ROBOT, false));
        assertThat(extract.accounts().getFirst().assignments()).extracting(Assignment::entitlement,
                Assignment::amountLimit).containsExactly(tuple("Lederhat", null),
                tuple("Prokuraværdi", new BigDecimal("50000")));
    }

    @Test
    void unknownReportCodeListsTheReportsCodesAndTheCanonicalOnes() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read("iga-omada",
                "Konto;Kontostatus\njha;Slettet\n"));
        assertThat(e.problems().getFirst().message()).isEqualTo("iga-omada.csv linje 2, kolonne \"Kontostatus\": "
                + "\"Slettet\" er ikke en gyldig værdi (tilladt: aktiv, disabled, enabled, inaktiv, spærret, active, "
                + "inactive).");
    }

    @Test
    void missingReportColumnNamesEveryAlternative() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read("sap-agr-users",
                "USER;AGR_NAME\nJHA;X\n"));
        assertThat(e.problems().getFirst().message()).contains("\"uname\" eller \"bruger\" eller \"brugernavn\"");
    }

    private ProfileException loadError(String yaml) {
        return catchThrowableOfType(ProfileException.class,
                () -> loader.load(new ByteArrayInputStream(yaml.getBytes(UTF_8)), "min.yaml"));
    }

    @Test
    void loadingErrorsAreAllListed() {
        ProfileException e = loadError("""
                id: x
                kind: extract
                colums: {}
                columns: {konto: Bruger, account: [Bruger, ""]}
                values: {status: {Aktiv: aktiv}}
                constants: {entitlement_type: fuldmagt, entitlement: X}
                note: n
                """);
        assertThat(e.problems()).containsExactly(
                "ukendt nøgle \"colums\" (tilladt: columns, constants, id, kind, note, sheet, title, values).",
                "nøglen \"title\" mangler eller er tom.",
                "columns: \"konto\" er ikke en kanonisk kolonne for extract (tilladt: account, person_id, username, "
                        + "email, name, account_type, status, entitlement, entitlement_type, amount_limit, valid_from, "
                        + "valid_to, assigned_by, assigned_at).",
                "columns: \"account\" skal være et kolonnenavn eller en liste af kolonnenavne.",
                "values.status.Aktiv: \"aktiv\" er ikke en gyldig værdi (tilladt: active, inactive).",
                "constants.entitlement_type: \"fuldmagt\" er ikke en gyldig værdi (tilladt: role, rights_set, "
                        + "prokura, mandate, other).");
        assertThat(e.getMessage()).startsWith("Profilen min.yaml kan ikke bruges:");
    }

    @Test
    void unknownKindAndBrokenYaml() {
        assertThat(loadError("id: x\ntitle: t\nkind: rapport\nnote: n\n").problems())
                .containsExactly("kind \"rapport\" er ukendt (tilladt: extract, changelog).");
        assertThat(loadError("id: x\ntitle: [t\n").problems().getFirst()).startsWith("filen er ikke gyldig YAML");
    }

    @Test
    void columnAndConstantForTheSameColumnIsRefused() {
        assertThat(loadError("id: x\ntitle: t\nkind: extract\nnote: n\ncolumns: {entitlement: R}\n"
                + "constants: {entitlement: Prokura}\n").problems())
                .containsExactly("kolonnen \"entitlement\" står både under columns og constants; brug den ene.");
    }
}

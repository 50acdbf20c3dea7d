package dk.tilsyn.engine.extracts;

import static dk.tilsyn.engine.extracts.AccountBuilder.EMAIL;
import static dk.tilsyn.engine.extracts.AccountBuilder.NAME;
import static dk.tilsyn.engine.extracts.AccountBuilder.PERSON_ID;
import static dk.tilsyn.engine.extracts.AccountBuilder.STATUS;
import static dk.tilsyn.engine.extracts.AccountBuilder.TYPE;
import static dk.tilsyn.engine.extracts.AccountBuilder.USERNAME;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.io.AmountParser;
import dk.tilsyn.engine.io.DataRow;
import dk.tilsyn.engine.io.DateParser;
import dk.tilsyn.engine.io.ProblemCode;
import dk.tilsyn.engine.io.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The row handler of one extract read: turns rows into assignments and groups them by account. */
final class ExtractRows {

    private final String file;
    private final ValueCache cache = new ValueCache();
    private final Map<String, AccountBuilder> accounts = new LinkedHashMap<>();
    private final Field account;
    private final Field[] attributes = new Field[AccountBuilder.ATTRIBUTES];
    private final Field entitlement;
    private final Field entitlementType;
    private final Field amountLimit;
    private final Field validFrom;
    private final Field validTo;
    private final Field assignedBy;
    private final Field assignedAt;
    /** Reused from row to row: the handler runs millions of times and must not allocate beyond the assignment. */
    private final String[] stated = new String[AccountBuilder.ATTRIBUTES];

    ExtractRows(String file, Layout layout) {
        this.file = file;
        this.account = layout.field("account");
        attributes[PERSON_ID] = layout.field("person_id");
        attributes[USERNAME] = layout.field("username");
        attributes[EMAIL] = layout.field("email");
        attributes[NAME] = layout.field("name");
        attributes[TYPE] = layout.field("account_type");
        attributes[STATUS] = layout.field("status");
        this.entitlement = layout.field("entitlement");
        this.entitlementType = layout.field("entitlement_type");
        this.amountLimit = layout.field("amount_limit");
        this.validFrom = layout.field("valid_from");
        this.validTo = layout.field("valid_to");
        this.assignedBy = layout.field("assigned_by");
        this.assignedAt = layout.field("assigned_at");
        checkConstants();
    }

    /** Constants come from a profile, not a row; a bad one is a programming or profile error, not a file error. */
    private void checkConstants() {
        check(attributes[TYPE], ExtractReader.ACCOUNT_TYPES);
        check(attributes[STATUS], ExtractReader.STATUSES);
        check(entitlementType, ExtractReader.ENTITLEMENT_TYPES);
        for (Field field : List.of(validFrom, validTo, assignedAt, amountLimit)) {
            String value = field.constant();
            boolean valid = value == null || (field == amountLimit ? AmountParser.parse(value).isPresent()
                    : DateParser.parse(value).isPresent());
            if (!valid) {
                throw new IllegalArgumentException("invalid constant " + field.canonical() + ": " + value);
            }
        }
    }

    private static void check(Field field, Codes<?> codes) {
        if (field.constant() != null && codes.lookup(field.translate(field.constant())) == null) {
            throw new IllegalArgumentException("invalid constant " + field.canonical() + ": " + field.constant()
                    + "; allowed: " + codes.codes());
        }
    }

    void row(DataRow row) {
        String name = account.fromFile() ? row.required(account.column()) : account.raw(row);
        statedAttributes(row);
        Assignment assignment = assignment(row);
        if (row.hasProblems()) {
            return;
        }
        AccountBuilder builder = accounts.computeIfAbsent(name, AccountBuilder::new);
        for (int i = 0; i < AccountBuilder.ATTRIBUTES; i++) {
            long earlier = builder.state(i, stated[i], row.line());
            if (earlier != 0) {
                reportConflict(row, attributes[i], stated[i], builder, i, earlier);
            }
        }
        builder.add(file, row.line(), assignment);
    }

    /** Only the first row of an account keeps these, so they are not interned. */
    private void statedAttributes(DataRow row) {
        for (int i = 0; i < TYPE; i++) {
            stated[i] = attributes[i].text(row);
        }
        AccountType type = ExtractReader.ACCOUNT_TYPES.read(row, attributes[TYPE]);
        stated[TYPE] = type == null ? null : type.code();
        ExtractReader.Status status = ExtractReader.STATUSES.read(row, attributes[STATUS]);
        stated[STATUS] = status == null ? null : status.code();
    }

    /** The row's assignment, or null when the entitlement is empty (an account without entitlements). */
    private Assignment assignment(DataRow row) {
        String entitlementName = cache.intern(entitlement.text(row));
        EntitlementType type = ExtractReader.ENTITLEMENT_TYPES.read(row, entitlementType);
        BigDecimal limit = cache.amount(row, amountLimit.column(), amountLimit.text(row));
        LocalDate from = cache.date(row, validFrom.column(), validFrom.text(row));
        LocalDate to = cache.date(row, validTo.column(), validTo.text(row));
        String by = cache.intern(assignedBy.text(row));
        LocalDate at = cache.date(row, assignedAt.column(), assignedAt.text(row));
        if (entitlementName == null || row.hasProblems()) {
            return null;
        }
        return new Assignment(entitlementName, type == null ? EntitlementType.ROLE : type, limit, from, to, by, at,
                file, row.line());
    }

    private void reportConflict(DataRow row, Field field, String value, AccountBuilder builder, int attribute,
            long earlier) {
        String known = builder.value(attribute);
        row.report(Problems.of(row.locate(field.column()), value, ProblemCode.CONFLICTING_VALUE,
                List.of(Long.toString(earlier), known),
                "\"" + value + "\" modsiger linje " + earlier + ", hvor kontoen \"" + nameOf(row) + "\" har \""
                        + known + "\" (en konto kan kun have én værdi i kolonnen; ret den ene af linjerne)."));
    }

    private String nameOf(DataRow row) {
        return account.raw(row);
    }

    List<Account> accounts(String system) {
        List<Account> built = new ArrayList<>(accounts.size());
        for (AccountBuilder builder : accounts.values()) {
            built.add(builder.build(system));
        }
        return built;
    }
}

package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.io.Column;
import dk.tilsyn.engine.io.FileFacts;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.io.ReadLimits;
import dk.tilsyn.engine.io.TabularReader;
import dk.tilsyn.engine.io.TabularSource;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one system's access extract: one row per account × entitlement, an account without entitlements once with
 * an empty entitlement. Rows of one account are grouped into one {@link dk.tilsyn.engine.access.Account}.
 * All-or-nothing like every reader: any problem rejects the file with every problem listed.
 *
 * <p>Built for large files: rows are streamed, repeated strings are interned and parsed dates and amounts are
 * cached per file (see {@link ValueCache}); memory grows with the assignments kept, not with the file.
 * Thread-safe: each read has its own state.
 */
public final class ExtractReader {

    public static final Column ACCOUNT = Column.required("account");
    public static final Column PERSON_ID = Column.optional("person_id");
    public static final Column USERNAME = Column.optional("username");
    public static final Column EMAIL = Column.optional("email");
    public static final Column NAME = Column.optional("name");
    public static final Column ACCOUNT_TYPE = Column.optional("account_type");
    public static final Column STATUS = Column.optional("status");
    public static final Column ENTITLEMENT = Column.optional("entitlement");
    public static final Column ENTITLEMENT_TYPE = Column.optional("entitlement_type");
    public static final Column AMOUNT_LIMIT = Column.optional("amount_limit");
    public static final Column VALID_FROM = Column.optional("valid_from");
    public static final Column VALID_TO = Column.optional("valid_to");
    public static final Column ASSIGNED_BY = Column.optional("assigned_by");
    public static final Column ASSIGNED_AT = Column.optional("assigned_at");

    /** The canonical columns, in documentation order. */
    public static final List<Column> COLUMNS = List.of(ACCOUNT, PERSON_ID, USERNAME, EMAIL, NAME, ACCOUNT_TYPE,
            STATUS, ENTITLEMENT, ENTITLEMENT_TYPE, AMOUNT_LIMIT, VALID_FROM, VALID_TO, ASSIGNED_BY, ASSIGNED_AT);

    static final String ACTIVE = "active";
    static final String INACTIVE = "inactive";

    static final Codes<AccountType> ACCOUNT_TYPES = Codes.of(AccountType.values(), AccountType::code);
    static final Codes<EntitlementType> ENTITLEMENT_TYPES = Codes.of(EntitlementType.values(), EntitlementType::code);
    static final Codes<Status> STATUSES = Codes.of(Status.values(), Status::code);

    private static final Layout CANONICAL = Layout.canonical(COLUMNS);

    private final TabularReader reader;

    public ExtractReader(ReadLimits limits) {
        this.reader = new TabularReader(limits);
    }

    /** A reader that reports the data rows read so far to {@code rowsRead} (see {@link TabularReader}). */
    public ExtractReader(ReadLimits limits, java.util.function.LongConsumer rowsRead) {
        this.reader = new TabularReader(limits, rowsRead);
    }

    public ExtractReader() {
        this(ReadLimits.defaults());
    }

    /** @throws InvalidInputException with every problem when the file is not a valid extract */
    public Extract read(Path file, String system) {
        return read(TabularSource.of(file), system);
    }

    /** Reads an upload; {@code fileName} is used in messages, facts and evidence. The stream is not closed. */
    public Extract read(InputStream in, String fileName, String system) {
        return read(TabularSource.of(in, fileName), system);
    }

    public Extract read(TabularSource source, String system) {
        return read(source, system, CANONICAL);
    }

    /** Reads a report in another layout, e.g. one an import profile describes. */
    public Extract read(TabularSource source, String system, Layout layout) {
        ExtractRows rows = new ExtractRows(source.name(), layout);
        FileFacts facts = reader.read(source, layout.schema(true), rows::row);
        return new Extract(system, facts, rows.accounts(system));
    }

    /** Account status codes. */
    enum Status {
        ACTIVE, INACTIVE;

        String code() {
            return this == ACTIVE ? ExtractReader.ACTIVE : ExtractReader.INACTIVE;
        }
    }
}

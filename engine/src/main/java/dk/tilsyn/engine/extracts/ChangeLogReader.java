package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.access.ChangeEvent;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.io.Column;
import dk.tilsyn.engine.io.DataRow;
import dk.tilsyn.engine.io.FileFacts;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.io.ProblemCode;
import dk.tilsyn.engine.io.Problems;
import dk.tilsyn.engine.io.ReadLimits;
import dk.tilsyn.engine.io.TabularReader;
import dk.tilsyn.engine.io.TabularSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a system's change log: one row per logged change, columns {@code time}, {@code actor}, {@code action}
 * (required) and {@code target}, {@code entitlement}, {@code entitlement_type}, {@code amount_limit}.
 * {@code action} is kept as written (lowercased): systems log more actions than any fixed list would hold.
 */
public final class ChangeLogReader {

    public static final Column TIME = Column.required("time");
    public static final Column ACTOR = Column.required("actor");
    public static final Column ACTION = Column.required("action");
    public static final Column TARGET = Column.optional("target");
    public static final Column ENTITLEMENT = Column.optional("entitlement");
    public static final Column ENTITLEMENT_TYPE = Column.optional("entitlement_type");
    public static final Column AMOUNT_LIMIT = Column.optional("amount_limit");

    public static final List<Column> COLUMNS = List.of(TIME, ACTOR, ACTION, TARGET, ENTITLEMENT, ENTITLEMENT_TYPE,
            AMOUNT_LIMIT);

    private static final Layout CANONICAL = Layout.canonical(COLUMNS);

    private final TabularReader reader;

    public ChangeLogReader(ReadLimits limits) {
        this.reader = new TabularReader(limits);
    }

    /** A reader that reports the data rows read so far to {@code rowsRead} (see {@link TabularReader}). */
    public ChangeLogReader(ReadLimits limits, java.util.function.LongConsumer rowsRead) {
        this.reader = new TabularReader(limits, rowsRead);
    }

    public ChangeLogReader() {
        this(ReadLimits.defaults());
    }

    /** @throws InvalidInputException with every problem when the file is not a valid change log */
    public ChangeLog read(Path file, String system) {
        return read(TabularSource.of(file), system, CANONICAL);
    }

    public ChangeLog read(TabularSource source, String system) {
        return read(source, system, CANONICAL);
    }

    /** Reads a log in another layout, e.g. one an import profile describes. */
    public ChangeLog read(TabularSource source, String system, Layout layout) {
        Rows rows = new Rows(source.name(), system, layout);
        FileFacts facts = reader.read(source, layout.schema(true), rows::row);
        return new ChangeLog(system, facts, rows.events);
    }

    private static final class Rows {

        private final String file;
        private final String system;
        private final ValueCache cache = new ValueCache();
        private final List<ChangeEvent> events = new ArrayList<>();
        private final Field time;
        private final Field actor;
        private final Field action;
        private final Field target;
        private final Field entitlement;
        private final Field entitlementType;
        private final Field amountLimit;

        Rows(String file, String system, Layout layout) {
            this.file = file;
            this.system = system;
            this.time = layout.field("time");
            this.actor = layout.field("actor");
            this.action = layout.field("action");
            this.target = layout.field("target");
            this.entitlement = layout.field("entitlement");
            this.entitlementType = layout.field("entitlement_type");
            this.amountLimit = layout.field("amount_limit");
        }

        void row(DataRow row) {
            LocalDateTime when = time(row);
            String who = required(row, actor);
            String what = required(row, action);
            EntitlementType type = ExtractReader.ENTITLEMENT_TYPES.read(row, entitlementType);
            BigDecimal limit = cache.amount(row, amountLimit.column(), amountLimit.text(row));
            if (row.hasProblems()) {
                return;
            }
            events.add(new ChangeEvent(system, when, cache.intern(who), cache.intern(what.toLowerCase(java.util.Locale.ROOT)),
                    target.text(row), cache.intern(entitlement.text(row)), type, limit,
                    new SourceRef(file, row.line())));
        }

        private static String required(DataRow row, Field field) {
            return field.fromFile() ? field.translate(row.required(field.column())) : field.constant();
        }

        private LocalDateTime time(DataRow row) {
            String text = required(row, time);
            if (text == null) {
                return null;
            }
            LocalDateTime when = DateTimes.parse(text).orElse(null);
            if (when == null) {
                row.report(Problems.of(row.locate(time.column()), text, ProblemCode.INVALID_DATE, List.of(),
                        "\"" + text + "\" er ikke et gyldigt tidspunkt (forventet en dato som åååå-mm-dd, dd-mm-åååå "
                                + "eller dd.mm.åååå, eventuelt efterfulgt af mellemrum eller T og tt:mm[:ss])."));
            }
            return when;
        }
    }
}

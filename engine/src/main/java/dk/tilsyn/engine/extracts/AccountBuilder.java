package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.SourceRef;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * Collects the rows of one account. The account's own attributes (person id, username, e-mail, name, type, status)
 * are repeated on every row of the extract; the first row that states one fixes it, and a later row stating a
 * different value is a conflict. A row that leaves an attribute empty states nothing about it: exports often fill
 * account columns only on the account's first row.
 */
final class AccountBuilder {

    static final int PERSON_ID = 0;
    static final int USERNAME = 1;
    static final int EMAIL = 2;
    static final int NAME = 3;
    static final int TYPE = 4;
    static final int STATUS = 5;
    static final int ATTRIBUTES = 6;

    private final String account;
    private final String[] values = new String[ATTRIBUTES];
    private final long[] lines = new long[ATTRIBUTES];
    private final List<Assignment> assignments = new ArrayList<>(2);
    /**
     * The rows' sources, kept only once a row without an assignment has been seen. Until then each row's source is
     * its assignment's, and a list of them would hold 5 million more references on a large set for nothing.
     */
    private List<SourceRef> sources;

    AccountBuilder(String account) {
        this.account = account;
    }

    /**
     * Records an attribute stated on a row.
     *
     * @return 0 when consistent, else the line of the row that stated a different value
     */
    long state(int attribute, String value, long line) {
        if (value == null) {
            return 0;
        }
        String known = values[attribute];
        if (known == null) {
            values[attribute] = value;
            lines[attribute] = line;
            return 0;
        }
        return known.equals(value) ? 0 : lines[attribute];
    }

    String value(int attribute) {
        return values[attribute];
    }

    /** Adds a row: its assignment, or null for a row without an entitlement. */
    void add(String file, long line, Assignment assignment) {
        if (sources == null && assignment == null) {
            sources = new ArrayList<>(assignments.size() + 1);
            assignments.forEach(earlier -> sources.add(earlier.source()));
        }
        if (sources != null) {
            sources.add(new SourceRef(file, line));
        }
        if (assignment != null) {
            assignments.add(assignment);
        }
    }

    Account build(String system) {
        AccountType type = values[TYPE] == null ? AccountType.PERSONAL : AccountType.fromCode(values[TYPE]).orElseThrow();
        boolean active = values[STATUS] == null || values[STATUS].equals(ExtractReader.ACTIVE);
        return new Account(system, account, values[PERSON_ID], values[USERNAME], values[EMAIL], values[NAME], type,
                active, Collections.unmodifiableList(assignments),
                sources == null ? new AssignmentSources(assignments) : Collections.unmodifiableList(sources));
    }

    /** The sources of an account every row of which gave an assignment: a read-only view, one per row, in order. */
    private static final class AssignmentSources extends AbstractList<SourceRef> implements RandomAccess {

        private final List<Assignment> assignments;

        AssignmentSources(List<Assignment> assignments) {
            this.assignments = assignments;
        }

        @Override
        public SourceRef get(int index) {
            return assignments.get(index).source();
        }

        @Override
        public int size() {
            return assignments.size();
        }
    }
}

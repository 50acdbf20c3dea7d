package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.BulkRows;
import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.analysis.Matrix;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.platform.web.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a run saw besides its findings: the overview matrix and every account with its entitlements. Kept so the
 * matrix page and the person page answer from the database, not by reading the files again.
 */
@Repository
class RunDetailsRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final BulkRows bulk;

    RunDetailsRepository(JdbcClient jdbc, JdbcTemplate batch, BulkRows bulk) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.bulk = bulk;
    }

    /** Half a million rows for the large set: stored in bulk (COPY on PostgreSQL), in the caller's transaction. */
    void insert(long runId, Matrix matrix, Map<AccountRef, Account> accounts) {
        long institution = TenantContext.institutionId();
        List<Object[]> columns = new ArrayList<>();
        for (int i = 0; i < matrix.columns().size(); i++) {
            Matrix.Column c = matrix.columns().get(i);
            columns.add(new Object[]{runId, i, c.system(), c.systemName(), c.function(), c.title(), c.privileged()});
        }
        batch.batchUpdate("insert into run_matrix_column (run_id, idx, system_key, system_name, function_name, title, "
                + "privileged) values (?, ?, ?, ?, ?, ?, ?)", columns);
        Map<String, String> personOfAccount = new HashMap<>();
        try (BulkRows.Sink subjects = bulk.open("run_subject", "institution_id", "run_id", "seq", "person_key", "label",
                "accounts", "held", "conflicts", "conflict")) {
            int seq = 0;
            for (Matrix.Row row : matrix.rows()) {
                if (row.personId() != null) {
                    row.accounts().forEach(account -> personOfAccount.put(account, row.personId()));
                }
                subjects.add(institution, runId, ++seq, row.personId(), limit(row.label(), 400),
                        limit(String.join(", ", row.accounts()), 4000), limit(indexes(row, false), 4000),
                        limit(indexes(row, true), 4000), row.conflict());
            }
        }
        Map<Shown, String> shown = new HashMap<>();
        try (BulkRows.Sink rows = bulk.open("run_account", "institution_id", "run_id", "system_key", "account",
                "person_key", "account_type", "active", "entitlements")) {
            for (Account account : accounts.values()) {
                String person = personOfAccount.getOrDefault(account.system() + "/" + account.account(),
                        account.personId());
                rows.add(institution, runId, account.system(), account.account(), person,
                        account.type() == null ? null : account.type().code(), account.active(),
                        entitlements(account, shown));
            }
        }
    }

    private static String indexes(Matrix.Row row, boolean conflicts) {
        return IntStream.range(0, row.cells().size())
                .filter(i -> conflicts ? row.cells().get(i).conflict() : row.cells().get(i).held())
                .mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** What an assignment shows: millions of assignments, a few hundred distinct texts. */
    private record Shown(String entitlement, BigDecimal amountLimit, LocalDate validFrom, LocalDate validTo) {

        Shown(Assignment a) {
            this(a.entitlement(), a.amountLimit(), a.validFrom(), a.validTo());
        }
    }

    /**
     * "Godkender (beløbsgrænse 50000, 2026-01-01–2026-12-31)", one per assignment, sorted.
     *
     * @param shown the texts made so far, so each distinct one is put together once per run
     */
    private static String entitlements(Account account, Map<Shown, String> shown) {
        String[] texts = new String[account.assignments().size()];
        for (int i = 0; i < texts.length; i++) {
            Assignment assignment = account.assignments().get(i);
            texts[i] = shown.computeIfAbsent(new Shown(assignment), key -> entitlement(assignment));
        }
        Arrays.sort(texts);
        return String.join("; ", texts);
    }

    private static String entitlement(Assignment a) {
        List<String> details = new ArrayList<>();
        if (a.amountLimit() != null) {
            details.add("beløbsgrænse " + a.amountLimit().stripTrailingZeros().toPlainString());
        }
        if (a.validFrom() != null || a.validTo() != null) {
            details.add((a.validFrom() == null ? "" : a.validFrom().toString()) + "–"
                    + (a.validTo() == null ? "" : a.validTo().toString()));
        }
        return a.entitlement() + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    }

    private static String limit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /**
     * The run's matrix columns. Written once with the run and never changed, so kept per run (keyed with the
     * institution, which the query is scoped by): the person page and the matrix read them on every request.
     */
    List<MatrixColumn> columns(long runId) {
        long institution = TenantContext.institutionId();
        String key = institution + "/" + runId;
        List<MatrixColumn> known = columnsByRun.get(key);
        if (known != null) {
            return known;
        }
        List<MatrixColumn> read = List.copyOf(jdbc.sql("select c.idx, c.system_key, c.system_name, c.function_name, "
                        + "c.title, c.privileged from run_matrix_column c join analysis_run r on r.id = c.run_id "
                        + "where r.institution_id = ? and c.run_id = ? order by c.idx")
                .params(institution, runId).query(RecordRows.of(MatrixColumn.class)).list());
        if (!read.isEmpty()) {
            columnsByRun.put(key, read); // none yet: a run still writing its matrix is asked again next time
        }
        return read;
    }

    /** Columns of recent runs; bounded, since only recent runs are browsed. */
    private final Map<String, List<MatrixColumn>> columnsByRun = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<MatrixColumn>> eldest) {
                    return size() > 50;
                }
            });

    /** One page of the matrix: subjects in the engine's order, optionally only conflicts or matching a text. */
    Paged<MatrixRow> rows(long runId, boolean conflictsOnly, String text, int page) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("where s.institution_id = :institution and s.run_id = :run");
        params.put("institution", TenantContext.institutionId());
        params.put("run", runId);
        if (conflictsOnly) {
            where.append(" and s.conflict = true");
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(s.label) like :text or lower(s.accounts) like :text)");
            params.put("text", "%" + text.strip().toLowerCase(Locale.ROOT) + "%");
        }
        long total = jdbc.sql("select count(*) from run_subject s " + where).params(params).query(Long.class).single();
        params.put("limit", Paged.DEFAULT_SIZE);
        params.put("offset", Paged.offset(page, Paged.DEFAULT_SIZE));
        List<MatrixRow> rows = jdbc.sql("select s.person_key, s.label, s.accounts, s.held, s.conflicts, s.conflict "
                        + "from run_subject s " + where + " order by s.seq limit :limit offset :offset")
                .params(params).query(RecordRows.of(MatrixRow.class)).list();
        return new Paged<>(rows, page, Paged.DEFAULT_SIZE, total);
    }

    List<MatrixRow> rowsOf(long runId, String personKey) {
        return jdbc.sql("select person_key, label, accounts, held, conflicts, conflict from run_subject "
                        + "where institution_id = ? and run_id = ? and person_key = ? order by seq")
                .params(TenantContext.institutionId(), runId, personKey).query(RecordRows.of(MatrixRow.class)).list();
    }

    List<RunAccount> accountsOf(long runId, String personKey) {
        return jdbc.sql("select system_key, account, person_key, account_type, active, entitlements from run_account "
                        + "where institution_id = ? and run_id = ? and person_key = ? order by system_key, account")
                .params(TenantContext.institutionId(), runId, personKey).query(RecordRows.of(RunAccount.class)).list();
    }

    /** A column of the overview matrix: one function of one system. */
    public record MatrixColumn(int idx, String systemKey, String systemName, String functionName, String title,
                               boolean privileged) {
    }

    /** A subject's row; {@code held} and {@code conflicts} list column indexes. */
    public record MatrixRow(String personKey, String label, String accounts, String held, String conflicts,
                            boolean conflict) {

        public boolean holds(int idx) {
            return contains(held, idx);
        }

        public boolean conflicts(int idx) {
            return contains(conflicts, idx);
        }

        private static boolean contains(String list, int idx) {
            if (list == null || list.isEmpty()) {
                return false;
            }
            String wanted = Integer.toString(idx);
            for (String part : list.split(",")) {
                if (part.equals(wanted)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An account as the run read it. */
    public record RunAccount(String systemKey, String account, String personKey, String accountType, boolean active,
                             String entitlements) {
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.report.DataBasis;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.CustomPlans;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.platform.web.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Runs, their frozen inputs and findings; every query is scoped by {@link TenantContext#institutionId()}. */
@Repository
class RunRepository {

    private static final String SELECT = """
            select r.id, r.status, r.as_of, u.display_name as started_by_name, r.started_at, r.finished_at,
                   r.rule_set_id, r.rule_set_version, r.rule_set_hash, r.persons_sha256, r.report_sha256,
                   r.findings_count, r.failure, r.matrix_sha256, r.rule_layer_version, r.reconcile_entitlements
            from analysis_run r join app_user u on u.id = r.started_by
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CustomPlans customPlans;

    RunRepository(JdbcClient jdbc, JdbcTemplate batch, CustomPlans customPlans) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.customPlans = customPlans;
    }

    List<AnalysisRun> findAll() {
        return jdbc.sql(SELECT + "where r.institution_id = ? order by r.id desc")
                .param(TenantContext.institutionId()).query(RecordRows.of(AnalysisRun.class)).list();
    }

    Optional<AnalysisRun> findById(long id) {
        return jdbc.sql(SELECT + "where r.institution_id = ? and r.id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(AnalysisRun.class)).optional();
    }

    long insertQueued(LocalDate asOf, long startedBy, List<Long> evidenceIds, Integer layerVersion,
                      RunChoice.Reconcile reconcile) {
        long id = Inserts.returningId(jdbc.sql("""
                        insert into analysis_run (institution_id, status, as_of, started_by, started_at, rule_layer_version)
                        values (?, 'QUEUED', ?, ?, ?, ?)""")
                .params(TenantContext.institutionId(), asOf, startedBy, Clock.now(), layerVersion));
        batch.batchUpdate("insert into analysis_run_input (run_id, evidence_id, purpose) values (?, ?, 'INPUT')",
                evidenceIds.stream().map(e -> new Object[]{id, e}).toList());
        if (reconcile != null) {
            jdbc.sql("insert into analysis_run_input (run_id, evidence_id, purpose) values (?, ?, 'RECONCILIATION')")
                    .params(id, reconcile.evidenceId()).update();
            jdbc.sql("update analysis_run set reconcile_entitlements = ? where id = ?")
                    .params(String.join("\n", reconcile.entitlements()), id).update();
        }
        return id;
    }

    List<Long> inputs(long runId) {
        return jdbc.sql("select i.evidence_id from analysis_run_input i join analysis_run r on r.id = i.run_id "
                        + "where r.institution_id = ? and i.run_id = ? and i.purpose = 'INPUT' order by i.evidence_id")
                .params(TenantContext.institutionId(), runId).query(Long.class).list();
    }

    /** The run has begun: its persons snapshot is taken (and frozen by its hash). */
    void markRunning(long id, String personsSha256) {
        jdbc.sql("update analysis_run set status = 'RUNNING', persons_sha256 = ? where institution_id = ? and id = ?")
                .params(personsSha256, TenantContext.institutionId(), id).update();
    }

    void markDone(long id, DataBasis basis, String reportSha256, int findings) {
        jdbc.sql("""
                        update analysis_run set status = 'DONE', finished_at = ?, rule_set_id = ?, rule_set_version = ?,
                               rule_set_hash = ?, report_sha256 = ?, findings_count = ?
                        where institution_id = ? and id = ?""")
                .params(Clock.now(), basis.ruleSetId(), basis.ruleSetVersion(), basis.ruleSetHash(), reportSha256,
                        findings, TenantContext.institutionId(), id).update();
    }

    void markFailed(long id, String failure) {
        jdbc.sql("update analysis_run set status = 'FAILED', finished_at = ?, failure = ? where institution_id = ? and id = ?")
                .params(Clock.now(), failure.length() > 4000 ? failure.substring(0, 4000) : failure,
                        TenantContext.institutionId(), id).update();
    }

    /**
     * @param documentedUntil for privileged-access findings, how long the current documentation of their accounts
     *                        lasts (null: undocumented)
     */
    void insertFindings(long runId, List<Finding> findings, List<FindingFacts> facts,
                        java.util.function.Function<Finding, LocalDate> documentedUntil) {
        List<Object[]> rows = new ArrayList<>(findings.size());
        long institution = TenantContext.institutionId();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            FindingFacts fact = facts.get(i);
            String accounts = FindingFacts.accountsText(f);
            rows.add(new Object[]{institution, runId, i + 1, f.kind().code(), f.severity().code(), f.rule(), f.person(),
                    String.join(", ", f.systems()), accounts,
                    f.evidence().stream().map(s -> s.file() + ":" + s.line()).collect(Collectors.joining(", ")),
                    f.explanation(), fact.identityKey(), fact.accessHash(), String.join("\n", fact.functions()),
                    documentedUntil.apply(f), searchText(f.explanation(), accounts, f.person())});
            if (rows.size() == 5_000) {
                insertFindingRows(rows);
            }
        }
        insertFindingRows(rows);
    }

    private void insertFindingRows(List<Object[]> rows) {
        batch.batchUpdate("""
                insert into finding (institution_id, run_id, seq, kind, severity, rule, person_key, systems, accounts,
                                     evidence, explanation, identity_key, access_hash, functions, documented_until,
                                     search_text)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        rows.clear();
    }

    /** What the list's text search looks in, lower-cased once when the finding is stored (V12). */
    static String searchText(String explanation, String accounts, String person) {
        return (explanation + " " + (accounts == null ? "" : accounts) + " " + (person == null ? "" : person))
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** One page of a run's findings, filtered and sorted on the server. */
    Paged<StoredFinding> findings(AnalysisRun run, FindingFilter filter) {
        long runId = run.id();
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("where f.institution_id = :institution and f.run_id = :run");
        params.put("institution", TenantContext.institutionId());
        params.put("run", runId);
        LocalDate today = LocalDate.now();
        params.put("today", today);
        equal(where, params, "f.kind", "kind", filter.kind());
        boolean byStatus = present(filter.status()) && StoredFinding.STATUSES.contains(filter.status());
        if (byStatus) {
            where.append(" and ").append(StoredFinding.statusIs(filter.status()));
        }
        equal(where, params, "f.severity", "severity", filter.severity());
        equal(where, params, "f.rule", "rule", filter.rule());
        if (present(filter.system())) {
            // systems are stored as "a, b, c": match a whole system id, not a prefix of another
            where.append(" and (', ' || f.systems || ', ') like :system");
            params.put("system", "%, " + filter.system().strip() + ", %");
        }
        if (filter.orgUnitId() != null) {
            where.append(" and f.person_key in (select p.person_key from person p where p.institution_id = :institution"
                    + " and p.org_unit_id = :unit)");
            params.put("unit", filter.orgUnitId());
        }
        if (present(filter.text())) {
            where.append(" and f.search_text like :text");
            params.put("text", "%" + filter.text().strip().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        // The decision is joined only where the status is filtered or sorted on: without it, counting and paging
        // read the finding indexes alone.
        boolean needsDecision = byStatus || "status".equals(filter.sortKey());
        // A search, a system or an org unit is planned for the value sought: one plan for any value reads the whole
        // run (CustomPlans). The other filters are equalities the finding's indexes serve whatever the value.
        boolean planForValues = present(filter.text()) || present(filter.system()) || filter.orgUnitId() != null;
        Supplier<PageIds> page = () -> pageIds(run, filter, where.toString(), params, byStatus, needsDecision);
        PageIds found = planForValues ? customPlans.run(page) : page.get();
        return new Paged<>(findingsInOrder(runId, found.ids(), today), filter.page(),
                Paged.DEFAULT_SIZE, found.total());
    }

    /** The ids of one page, in order, and how many findings the filter gives in all. */
    private record PageIds(List<Long> ids, long total) {
    }

    private PageIds pageIds(AnalysisRun run, FindingFilter filter, String where, Map<String, Object> params,
                            boolean byStatus, boolean needsDecision) {
        // Unfiltered, the total is the run's own count of findings (written with them): no count of the whole run.
        // Counting needs the decision only when the status is filtered on, not when it is only sorted on.
        long total = filter.unfiltered() && run.findingsCount() != null ? run.findingsCount()
                : jdbc.sql("select count(*)" + (byStatus ? StoredFinding.FROM : " from finding f ") + where)
                        .params(params).query(Long.class).single();
        Map<String, Object> paging = new LinkedHashMap<>(params);
        paging.put("limit", Paged.DEFAULT_SIZE);
        paging.put("offset", Paged.offset(filter.page(), Paged.DEFAULT_SIZE));
        // Two steps: the page's ids in order (a deep page skips thousands of rows, so the skipped rows should be
        // narrow), then the page's own rows with everything shown.
        List<Long> ids = jdbc.sql("select f.id" + (needsDecision ? ", " + StoredFinding.STATUS + " as status" : "")
                        + (needsDecision ? StoredFinding.FROM : " from finding f ") + where + " order by "
                        + filter.orderBy() + " limit :limit offset :offset")
                .params(paging).query((rs, n) -> rs.getLong(1)).list();
        return new PageIds(ids, total);
    }

    /** The run's findings with the given ids, in the order of the ids. */
    private List<StoredFinding> findingsInOrder(long runId, List<Long> ids, LocalDate today) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StoredFinding> byId = new java.util.HashMap<>();
        jdbc.sql("select " + StoredFinding.COLUMNS + StoredFinding.FROM
                        + "where f.institution_id = :institution and f.run_id = :run and f.id in (:ids)")
                .param("institution", TenantContext.institutionId()).param("run", runId).param("ids", ids)
                .param("today", today)
                .query(RecordRows.of(StoredFinding.class)).list().forEach(finding -> byId.put(finding.id(), finding));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    List<StoredFinding> allFindings(long runId) {
        return jdbc.sql("select " + StoredFinding.COLUMNS + StoredFinding.FROM
                        + "where f.institution_id = :institution and f.run_id = :run order by f.seq")
                .param("institution", TenantContext.institutionId()).param("run", runId).param("today", LocalDate.now())
                .query(RecordRows.of(StoredFinding.class)).list();
    }

    Optional<StoredFinding> finding(long runId, long findingId) {
        return jdbc.sql("select " + StoredFinding.COLUMNS + StoredFinding.FROM
                        + "where f.institution_id = :institution and f.run_id = :run and f.id = :id")
                .param("institution", TenantContext.institutionId()).param("run", runId).param("id", findingId)
                .param("today", LocalDate.now()).query(RecordRows.of(StoredFinding.class)).optional();
    }

    /** A person's findings in a run, most serious first. */
    List<StoredFinding> findingsOf(long runId, String personKey) {
        return jdbc.sql("select " + StoredFinding.COLUMNS + StoredFinding.FROM
                        + "where f.institution_id = :institution and f.run_id = :run and f.person_key = :person order by f.seq")
                .param("institution", TenantContext.institutionId()).param("run", runId).param("person", personKey)
                .param("today", LocalDate.now()).query(RecordRows.of(StoredFinding.class)).list();
    }

    /** The newest finished run, which the person page and the preventive check answer from. */
    Optional<AnalysisRun> latestDone() {
        return jdbc.sql(SELECT + "where r.institution_id = ? and r.status = 'DONE' order by r.id desc limit 1")
                .param(TenantContext.institutionId()).query(RecordRows.of(AnalysisRun.class)).optional();
    }

    long countOpen(long runId) {
        return jdbc.sql("select count(*)" + StoredFinding.FROM + "where f.institution_id = :institution and f.run_id = :run and ("
                        + StoredFinding.statusIs("open") + " or " + StoredFinding.statusIs("expired") + ")")
                .param("institution", TenantContext.institutionId()).param("run", runId).param("today", LocalDate.now())
                .query(Long.class).single();
    }

    void setMatrix(long runId, String sha256) {
        jdbc.sql("update analysis_run set matrix_sha256 = ? where institution_id = ? and id = ?")
                .params(sha256, TenantContext.institutionId(), runId).update();
    }

    /** Documentation was added for an account: privileged-access findings about it show as documented. */
    void markDocumented(String accountText, LocalDate until) {
        jdbc.sql("update finding set documented_until = ? where institution_id = ? and kind = 'privileged-access' "
                        + "and accounts = ? and (documented_until is null or documented_until < ?)")
                .params(until, TenantContext.institutionId(), accountText, until).update();
    }

    /** The finished run before this one, if any: what a comparison is made with by default. */
    Optional<AnalysisRun> previousDone(long runId) {
        return jdbc.sql(SELECT + "where r.institution_id = ? and r.id < ? and r.status = 'DONE' order by r.id desc limit 1")
                .params(TenantContext.institutionId(), runId).query(RecordRows.of(AnalysisRun.class)).optional();
    }

    /**
     * The rules and kinds a run's findings name, for the filter's choices. A finished run's findings never change, so
     * the lists are kept per run (keyed with the institution, which the query is scoped by).
     */
    List<String> distinct(long runId, String column) {
        if (!List.of("rule", "kind").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        long institution = TenantContext.institutionId();
        return choices.computeIfAbsent(institution + "/" + runId + "/" + column, key -> List.copyOf(
                jdbc.sql("select distinct " + column + " from finding where institution_id = ? and run_id = ? order by "
                                + column)
                        .params(institution, runId).query(String.class).list()));
    }

    /** Filter choices of finished runs; bounded, since only recent runs are browsed. */
    private final Map<String, List<String>> choices = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > 200;
                }
            });

    private static void equal(StringBuilder where, Map<String, Object> params, String column, String name, String value) {
        if (present(value)) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value.strip());
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

package dk.tilsyn.organisation.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.organisation.Person;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.platform.web.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Persons of the current institution; every query is scoped by {@link TenantContext#institutionId()}. */
@Repository
class PersonRepository {

    private static final String SELECT = """
            select p.id, p.person_key, p.name, p.email, p.username, p.org_unit_id, u.name as org_unit_name,
                   p.manager_key, p.employment_end
            from person p left join org_unit u on u.id = p.org_unit_id
            """;

    /** Rows per JDBC batch: large enough to cut the round trips, small enough to keep each statement modest. */
    static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PersonRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Person> findById(long id) {
        return jdbc.sql(SELECT + "where p.institution_id = ? and p.id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(Person.class)).optional();
    }

    /** The persons a login belongs to: same username or e-mail, compared without case. */
    List<Person> findByLogin(String username, String email) {
        return jdbc.sql(SELECT + "where p.institution_id = ? and (lower(p.username) = ? or lower(p.email) = ?)")
                .params(TenantContext.institutionId(), username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT),
                        email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT))
                .query(RecordRows.of(Person.class)).list();
    }

    Optional<Person> findByKey(String personKey) {
        return jdbc.sql(SELECT + "where p.institution_id = ? and p.person_key = ?")
                .params(TenantContext.institutionId(), personKey).query(RecordRows.of(Person.class)).optional();
    }

    List<Person> findAll() {
        return jdbc.sql(SELECT + "where p.institution_id = ? order by p.person_key")
                .param(TenantContext.institutionId()).query(RecordRows.of(Person.class)).list();
    }

    List<Person> findReports(String managerKey) {
        return jdbc.sql(SELECT + "where p.institution_id = ? and p.manager_key = ? order by p.name")
                .params(TenantContext.institutionId(), managerKey).query(RecordRows.of(Person.class)).list();
    }

    long count() {
        return jdbc.sql("select count(*) from person where institution_id = ?")
                .param(TenantContext.institutionId()).query(Long.class).single();
    }

    long countLeftBefore(LocalDate date) {
        return jdbc.sql("select count(*) from person where institution_id = ? and employment_end < ?")
                .params(TenantContext.institutionId(), date).query(Long.class).single();
    }

    Paged<Person> search(PersonQuery query) {
        StringBuilder where = new StringBuilder("where p.institution_id = :institution");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("institution", TenantContext.institutionId());
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(p.name) like :text or lower(p.person_key) like :text"
                    + " or lower(p.email) like :text or lower(p.username) like :text)");
            params.put("text", "%" + query.text().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (query.orgUnitId() != null) {
            where.append(" and p.org_unit_id = :unit");
            params.put("unit", query.orgUnitId());
        }
        if ("employed".equals(query.status())) {
            where.append(" and (p.employment_end is null or p.employment_end >= :today)");
            params.put("today", LocalDate.now());
        } else if ("left".equals(query.status())) {
            where.append(" and p.employment_end < :today");
            params.put("today", LocalDate.now());
        }
        long total = jdbc.sql("select count(*) from person p " + where).params(params).query(Long.class).single();
        params.put("limit", query.size());
        params.put("offset", Paged.offset(query.page(), query.size()));
        List<Person> items = jdbc.sql(SELECT + where + " order by " + query.orderBy() + " limit :limit offset :offset")
                .params(params).query(RecordRows.of(Person.class)).list();
        return new Paged<>(items, query.page(), query.size(), total);
    }

    /**
     * Inserts new persons in JDBC batches of {@value #BATCH} (one round trip per batch, not per person) and returns
     * their ids by person key, read back in one query: the audit trail names each new person by id.
     */
    Map<String, Long> insertAll(List<Stored> created) {
        long institution = TenantContext.institutionId();
        OffsetDateTime now = Clock.now();
        List<Object[]> rows = created.stream().map(p -> new Object[]{institution, p.values().personKey(),
                p.values().name(), p.values().email(), p.values().username(), p.orgUnitId(), p.values().managerKey(),
                p.values().employmentEnd(), now}).toList();
        inBatches(rows, chunk -> batch.batchUpdate("""
                insert into person (institution_id, person_key, name, email, username, org_unit_id, manager_key,
                                    employment_end, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", chunk));
        Map<String, Long> ids = new HashMap<>(created.size() * 2);
        if (!created.isEmpty()) {
            Set<String> keys = new HashSet<>();
            created.forEach(p -> keys.add(p.values().personKey()));
            jdbc.sql("select person_key, id from person where institution_id = ?").param(institution)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                    .filter(entry -> keys.contains(entry.getKey()))
                    .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        }
        return ids;
    }

    /** Changes stored persons in JDBC batches of {@value #BATCH}. */
    void updateAll(List<Stored> changed) {
        long institution = TenantContext.institutionId();
        OffsetDateTime now = Clock.now();
        List<Object[]> rows = changed.stream().map(p -> new Object[]{p.values().name(), p.values().email(),
                p.values().username(), p.orgUnitId(), p.values().managerKey(), p.values().employmentEnd(), now,
                institution, p.id()}).toList();
        inBatches(rows, chunk -> batch.batchUpdate("""
                update person set name = ?, email = ?, username = ?, org_unit_id = ?, manager_key = ?,
                                  employment_end = ?, updated_at = ?
                where institution_id = ? and id = ?""", chunk));
    }

    /**
     * A person as written by an import.
     *
     * @param id the stored person's id; null for a new one
     */
    record Stored(Long id, PersonValues values, Long orgUnitId) {
    }

    private static void inBatches(List<Object[]> rows, Consumer<List<Object[]>> write) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            write.accept(rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}

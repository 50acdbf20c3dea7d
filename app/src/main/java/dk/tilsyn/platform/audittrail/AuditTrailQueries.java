package dk.tilsyn.platform.audittrail;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.platform.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the current institution's trail: its own chain, plus — when asked — the logins of users who hold a role in
 * it (those live in the platform chain because a login belongs to no single institution).
 */
@Service
public class AuditTrailQueries {

    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final String COLUMNS = """
            select id, chain, seq, institution_id, occurred_at, actor_user_id, actor_name, action, entity_type,
                   entity_id, before_json, after_json, prev_hash, hash from audit_entry
            """;

    private final JdbcClient jdbc;

    AuditTrailQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Paged<AuditEntry> search(AuditQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        long total = jdbc.sql("select count(*) from audit_entry " + where).params(params).query(Long.class).single();
        params.put("limit", query.size());
        params.put("offset", Paged.offset(query.page(), query.size()));
        List<AuditEntry> items = jdbc.sql(COLUMNS + where + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(params).query(RecordRows.of(AuditEntry.class)).list();
        return new Paged<>(items, query.page(), query.size(), total);
    }

    /** Streams every matching entry, oldest first, for export. */
    public void forEach(AuditQuery query, Consumer<AuditEntry> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        try (var entries = jdbc.sql(COLUMNS + where + " order by occurred_at, id").params(params).query(RecordRows.of(AuditEntry.class)).stream()) {
            entries.forEach(sink);
        }
    }

    public List<String> entityTypes() {
        return jdbc.sql("select distinct entity_type from audit_entry where chain = ? order by entity_type")
                .param(AuditChains.of(TenantContext.institutionId())).query(String.class).list();
    }

    private static String where(AuditQuery query, Map<String, Object> params) {
        long institution = TenantContext.institutionId();
        params.put("chain", AuditChains.of(institution));
        params.put("institution", institution);
        StringBuilder where = new StringBuilder(query.includeLogins()
                ? "where (chain = :chain or (chain = 'platform' and action in ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED')"
                  + " and actor_user_id in (select user_id from user_role where institution_id = :institution)))"
                : "where chain = :chain");
        if (query.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", query.from().atStartOfDay(DANISH_TIME).toOffsetDateTime());
        }
        if (query.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", query.to().plusDays(1).atStartOfDay(DANISH_TIME).toOffsetDateTime());
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" and lower(actor_name) like :actor");
            params.put("actor", "%" + query.actor().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (query.action() != null && !query.action().isBlank()) {
            where.append(" and action = :action");
            params.put("action", query.action());
        }
        if (query.entityType() != null && !query.entityType().isBlank()) {
            where.append(" and entity_type = :type");
            params.put("type", query.entityType());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(entity_id) like :text or lower(after_json) like :text or lower(before_json) like :text)");
            params.put("text", "%" + query.text().strip().toLowerCase(Locale.ROOT) + "%");
        }
        return where.toString();
    }
}

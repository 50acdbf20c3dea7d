package dk.tilsyn.platform.audittrail;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends to the audit trail inside the caller's transaction: if the change rolls back, so does its entry. The
 * chain head row is locked for the append, so concurrent writers (also in other app instances) queue up instead
 * of forking the chain.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    AuditTrail(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Transactional
    public void record(AuditEvent event) {
        recordAll(List.of(event));
    }

    /**
     * Appends several entries in order. Each chain's head is locked once and the entries are batch-inserted, so an
     * import that changes thousands of records costs a few statements, not thousands.
     */
    @Transactional
    public void recordAll(List<AuditEvent> events) {
        Map<String, List<AuditEvent>> byChain = new LinkedHashMap<>();
        for (AuditEvent event : events) {
            byChain.computeIfAbsent(AuditChains.of(event.institutionId()), chain -> new ArrayList<>()).add(event);
        }
        byChain.forEach(this::appendToChain);
    }

    /** Creates the chain of a new institution; call in the transaction that creates the institution. */
    @Transactional
    public void openChain(long institutionId) {
        jdbc.sql("insert into audit_chain_head (chain, last_seq, last_hash) values (?, 0, ?)")
                .params(AuditChains.of(institutionId), AuditHasher.GENESIS).update();
    }

    private void appendToChain(String chain, List<AuditEvent> events) {
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where chain = ? for update")
                .param(chain).query(RecordRows.of(Head.class)).optional()
                .orElseThrow(() -> new IllegalStateException("No audit chain " + chain));
        long seq = head.lastSeq();
        String previous = head.lastHash();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            AuditEvent.Actor actor = actorOf(event);
            AuditEntry entry = new AuditEntry(0, chain, ++seq, event.institutionId(), Clock.now(), actor.userId(),
                    actor.name(), event.action().name(), event.entityType(), event.entityId(),
                    toJson(event.before()), toJson(event.after()), previous, null);
            previous = AuditHasher.hash(entry);
            rows.add(new Object[]{entry.chain(), entry.seq(), entry.institutionId(), entry.occurredAt(),
                    entry.actorUserId(), entry.actorName(), entry.action(), entry.entityType(), entry.entityId(),
                    entry.beforeJson(), entry.afterJson(), entry.prevHash(), previous});
        }
        batch.batchUpdate("""
                insert into audit_entry (chain, seq, institution_id, occurred_at, actor_user_id, actor_name,
                                         action, entity_type, entity_id, before_json, after_json, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where chain = ?")
                .params(seq, previous, chain).update();
    }

    private static AuditEvent.Actor actorOf(AuditEvent event) {
        if (event.actor() != null) {
            return event.actor();
        }
        return TenantContext.user()
                .map(AuditTrail::actorOf)
                .orElse(AuditEvent.Actor.SYSTEM);
    }

    private static AuditEvent.Actor actorOf(CurrentUser user) {
        return new AuditEvent.Actor(user.id(), user.username());
    }

    private String toJson(Map<String, ?> values) {
        return values == null ? null : json.writeValueAsString(values);
    }

    record Head(long lastSeq, String lastHash) {
    }
}

package dk.tilsyn.platform.audittrail;

import dk.tilsyn.platform.jdbc.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.stream.Stream;

/**
 * Recomputes a chain from its first entry. Finds edited entries (hash differs), removed or inserted entries
 * (sequence gap or predecessor hash differs) and a cut-off tail (the head names a later entry than exists).
 */
@Service
public class AuditChainVerifier {

    private final JdbcClient jdbc;

    AuditChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ChainVerification verify(Long institutionId) {
        String chain = AuditChains.of(institutionId);
        long expectedSeq = 1;
        String expectedPrev = AuditHasher.GENESIS;
        try (Stream<AuditEntry> entries = jdbc.sql("""
                        select id, chain, seq, institution_id, occurred_at, actor_user_id, actor_name, action,
                               entity_type, entity_id, before_json, after_json, prev_hash, hash
                        from audit_entry where chain = ? order by seq""")
                .param(chain).query(RecordRows.of(AuditEntry.class)).stream()) {
            for (AuditEntry entry : (Iterable<AuditEntry>) entries::iterator) {
                String problem = problemOf(entry, expectedSeq, expectedPrev);
                if (problem != null) {
                    return new ChainVerification(chain, expectedSeq - 1, entry.seq(), entry.id(), problem);
                }
                expectedSeq++;
                expectedPrev = entry.hash();
            }
        }
        long headSeq = jdbc.sql("select last_seq from audit_chain_head where chain = ?").param(chain)
                .query(Long.class).optional().orElse(0L);
        if (headSeq != expectedSeq - 1) {
            return new ChainVerification(chain, expectedSeq - 1, expectedSeq, null, "audit.verify.problem.truncated");
        }
        return new ChainVerification(chain, expectedSeq - 1, null, null, null);
    }

    private static String problemOf(AuditEntry entry, long expectedSeq, String expectedPrev) {
        if (entry.seq() != expectedSeq) {
            return "audit.verify.problem.gap";
        }
        if (!entry.prevHash().equals(expectedPrev)) {
            return "audit.verify.problem.prev";
        }
        if (!AuditHasher.hash(entry).equals(entry.hash())) {
            return "audit.verify.problem.content";
        }
        return null;
    }
}

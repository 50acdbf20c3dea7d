package dk.tilsyn.platform.audittrail;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier finds each kind of tampering and names the first broken entry. Each case tampers with its own
 * institution's chain, so the cases (and other tests sharing the database) cannot disturb each other.
 */
@TilsynIntegrationTest
class AuditChainIT {

    @Autowired
    TestUsers testUsers;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    JdbcClient jdbc;

    /** An institution whose chain holds at least six entries written by real, audited actions. */
    private Institution institutionWithHistory(String label) {
        Institution institution = testUsers.institution(label);
        testUsers.user(institution, Role.ADMINISTRATOR, Role.CONTROLLER);
        testUsers.user(institution, Role.AUDITOR);
        ChainVerification verification = verifier.verify(institution.id());
        assertThat(verification.intact()).as("before tampering: %s", verification).isTrue();
        assertThat(verification.problem()).isNull();
        // institution created, 2 users created, 3 roles granted
        assertThat(verification.entriesChecked()).isEqualTo(6);
        assertThat(verification.chain()).isEqualTo("institution:" + institution.id());
        return institution;
    }

    @Test
    void anEditedEntryIsNamed() {
        Institution institution = institutionWithHistory("edit");
        long id = entryId(institution, 3);

        int changed = jdbc.sql("update audit_entry set after_json = ? where id = ?")
                .params("{\"role\":\"ADMINISTRATOR\",\"selfGranted\":true}", id).update();
        assertThat(changed).isEqualTo(1);

        ChainVerification verification = verifier.verify(institution.id());
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3L);
        assertThat(verification.firstBrokenId()).isEqualTo(id);
        assertThat(verification.problem()).isEqualTo("audit.verify.problem.content");
        assertThat(verification.entriesChecked()).isEqualTo(2);
    }

    @Test
    void aDeletedEntryIsNamedByTheEntryAfterTheGap() {
        Institution institution = institutionWithHistory("delete");
        long after = entryId(institution, 4);

        assertThat(jdbc.sql("delete from audit_entry where id = ?").param(entryId(institution, 3)).update()).isEqualTo(1);

        ChainVerification verification = verifier.verify(institution.id());
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(4L);
        assertThat(verification.firstBrokenId()).isEqualTo(after);
        assertThat(verification.problem()).isEqualTo("audit.verify.problem.gap");
        assertThat(verification.entriesChecked()).isEqualTo(2);
    }

    @Test
    void aChangedActorIsNamed() {
        Institution institution = institutionWithHistory("actor");
        long id = entryId(institution, 2);

        assertThat(jdbc.sql("update audit_entry set actor_name = ? where id = ?").params("someone-else", id).update())
                .isEqualTo(1);

        ChainVerification verification = verifier.verify(institution.id());
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2L);
        assertThat(verification.firstBrokenId()).isEqualTo(id);
        assertThat(verification.problem()).isEqualTo("audit.verify.problem.content");
        assertThat(verification.entriesChecked()).isEqualTo(1);
    }

    @Test
    void aRehashedEditIsCaughtByItsSuccessor() {
        Institution institution = institutionWithHistory("rehash");
        AuditEntry original = entry(institution, 3);
        AuditEntry forged = new AuditEntry(original.id(), original.chain(), original.seq(), original.institutionId(),
                original.occurredAt(), original.actorUserId(), original.actorName(), original.action(),
                original.entityType(), original.entityId(), original.beforeJson(),
                "{\"role\":\"ADMINISTRATOR\",\"selfGranted\":true}", original.prevHash(), null);
        jdbc.sql("update audit_entry set after_json = ?, hash = ? where id = ?")
                .params(forged.afterJson(), AuditHasher.hash(forged), original.id()).update();

        ChainVerification verification = verifier.verify(institution.id());
        assertThat(verification.firstBrokenSeq()).isEqualTo(4L);
        assertThat(verification.firstBrokenId()).isEqualTo(entryId(institution, 4));
        assertThat(verification.problem()).isEqualTo("audit.verify.problem.prev");
    }

    @Test
    void aCutOffTailIsNamed() {
        Institution institution = institutionWithHistory("tail");

        assertThat(jdbc.sql("delete from audit_entry where id = ?").param(entryId(institution, 6)).update()).isEqualTo(1);

        ChainVerification verification = verifier.verify(institution.id());
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(6L);
        assertThat(verification.firstBrokenId()).isNull();
        assertThat(verification.problem()).isEqualTo("audit.verify.problem.truncated");
        assertThat(verification.entriesChecked()).isEqualTo(5);
    }

    @Test
    void tamperingInOneChainLeavesTheOthersIntact() {
        Institution tampered = institutionWithHistory("tampered");
        Institution untouched = institutionWithHistory("untouched");

        jdbc.sql("update audit_entry set actor_name = 'x' where id = ?").param(entryId(tampered, 5)).update();

        assertThat(verifier.verify(tampered.id()).firstBrokenSeq()).isEqualTo(5L);
        assertThat(verifier.verify(untouched.id()).intact()).isTrue();
    }

    private long entryId(Institution institution, long seq) {
        return entry(institution, seq).id();
    }

    private AuditEntry entry(Institution institution, long seq) {
        return jdbc.sql("""
                        select id, chain, seq, institution_id, occurred_at, actor_user_id, actor_name, action,
                               entity_type, entity_id, before_json, after_json, prev_hash, hash
                        from audit_entry where chain = ? and seq = ?""")
                .params(AuditChains.of(institution.id()), seq).query(AuditEntry.class).single();
    }
}

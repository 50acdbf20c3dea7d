package dk.tilsyn.platform.api;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * API tokens of the current institution — except {@link #findByHash}, which is how a request without an
 * institution finds out which institution it belongs to, and which therefore reads across institutions.
 */
@Repository
class ApiTokenRepository {

    private static final String SELECT = """
            select t.id, t.name, t.token_prefix, c.display_name as created_by_name, t.created_at, t.expires_on,
                   t.last_used_at, t.revoked_at, r.display_name as revoked_by_name
            from api_token t join app_user c on c.id = t.created_by left join app_user r on r.id = t.revoked_by
            """;

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token found by the hash of a presented secret, with the institution it belongs to. */
    record Presented(long id, long institutionId, String name, String tokenPrefix, LocalDate expiresOn,
                     OffsetDateTime revokedAt) {
    }

    long insert(String name, String hash, String prefix, long createdBy, LocalDate expiresOn) {
        return Inserts.returningId(jdbc.sql("""
                        insert into api_token (institution_id, name, token_hash, token_prefix, created_by, created_at,
                                               expires_on)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.institutionId(), name, hash, prefix, createdBy, Clock.now(), expiresOn));
    }

    List<ApiToken> findAll() {
        return jdbc.sql(SELECT + "where t.institution_id = ? order by t.revoked_at desc nulls first, t.id desc")
                .param(TenantContext.institutionId()).query(RecordRows.of(ApiToken.class)).list();
    }

    Optional<ApiToken> findById(long id) {
        return jdbc.sql(SELECT + "where t.institution_id = ? and t.id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(ApiToken.class)).optional();
    }

    /** False when the token was already revoked (or is not this institution's). */
    boolean revoke(long id, long revokedBy) {
        return jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? "
                        + "where institution_id = ? and id = ? and revoked_at is null")
                .params(Clock.now(), revokedBy, TenantContext.institutionId(), id).update() == 1;
    }

    Optional<Presented> findByHash(String hash) {
        return jdbc.sql("select id, institution_id, name, token_prefix, expires_on, revoked_at from api_token "
                        + "where token_hash = ?")
                .param(hash).query(RecordRows.of(Presented.class)).optional();
    }

    void touch(long id, OffsetDateTime at) {
        jdbc.sql("update api_token set last_used_at = ? where id = ?").params(at, id).update();
    }
}

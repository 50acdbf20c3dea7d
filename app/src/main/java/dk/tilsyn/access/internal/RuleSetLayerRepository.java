package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The institution's rule-set layer versions; scoped by {@link TenantContext#institutionId()}. */
@Repository
class RuleSetLayerRepository {

    private static final String SELECT = """
            select l.id, l.version, l.yaml, l.sha256, l.rule_set_id, l.rule_set_version, l.comment,
                   u.display_name as created_by_name, l.created_at
            from rule_set_layer l join app_user u on u.id = l.created_by
            """;

    private final JdbcClient jdbc;

    RuleSetLayerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RuleSetLayer> current() {
        return jdbc.sql(SELECT + "where l.institution_id = ? order by l.version desc limit 1")
                .param(TenantContext.institutionId()).query(RecordRows.of(RuleSetLayer.class)).optional();
    }

    Optional<RuleSetLayer> version(int version) {
        return jdbc.sql(SELECT + "where l.institution_id = ? and l.version = ?")
                .params(TenantContext.institutionId(), version).query(RecordRows.of(RuleSetLayer.class)).optional();
    }

    Optional<RuleSetLayer> byId(long id) {
        return jdbc.sql(SELECT + "where l.institution_id = ? and l.id = ?")
                .params(TenantContext.institutionId(), id).query(RecordRows.of(RuleSetLayer.class)).optional();
    }

    List<RuleSetLayer> all() {
        return jdbc.sql(SELECT + "where l.institution_id = ? order by l.version desc")
                .param(TenantContext.institutionId()).query(RecordRows.of(RuleSetLayer.class)).list();
    }

    /** Saves the next version; the unique key refuses a concurrent save of the same version. */
    int insert(String yaml, String sha256, String ruleSetId, String ruleSetVersion, String comment, long createdBy) {
        int next = current().map(RuleSetLayer::version).orElse(0) + 1;
        jdbc.sql("""
                        insert into rule_set_layer (institution_id, version, yaml, sha256, rule_set_id, rule_set_version,
                            comment, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.institutionId(), next, yaml, sha256, ruleSetId, ruleSetVersion, comment, createdBy,
                        Clock.now()).update();
        return next;
    }
}

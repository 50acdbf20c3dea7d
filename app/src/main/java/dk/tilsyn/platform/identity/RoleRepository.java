package dk.tilsyn.platform.identity;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.tenancy.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Role grants: which user holds which role in which institution. */
@Repository
public class RoleRepository {

    private final JdbcClient jdbc;

    RoleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A role the user holds, with the institution it is held in. */
    public record Membership(long institutionId, String code, String name, Role role) {
    }

    /** The user's roles with their institutions, by institution name: one query for every request's user. */
    public List<Membership> membershipsOf(long userId) {
        return jdbc.sql("select r.institution_id, i.code, i.name, r.role from user_role r "
                        + "join institution i on i.id = r.institution_id where r.user_id = ? order by i.name, i.id, r.role")
                .param(userId).query(RecordRows.of(Membership.class)).list();
    }

    public List<RoleGrant> findByUser(long userId) {
        return jdbc.sql("select user_id, institution_id, role, granted_at from user_role where user_id = ?")
                .param(userId).query(RecordRows.of(RoleGrant.class)).list();
    }

    public List<RoleGrant> findByInstitution(long institutionId) {
        return jdbc.sql("select user_id, institution_id, role, granted_at from user_role where institution_id = ?")
                .param(institutionId).query(RecordRows.of(RoleGrant.class)).list();
    }

    /** Grants a role; returns false when the user already held it. */
    public boolean grant(long userId, long institutionId, Role role, Long grantedBy) {
        boolean held = jdbc.sql("select count(*) from user_role where user_id = ? and institution_id = ? and role = ?")
                .params(userId, institutionId, role.name()).query(Long.class).single() > 0;
        if (held) {
            return false;
        }
        jdbc.sql("insert into user_role (user_id, institution_id, role, granted_at, granted_by) values (?, ?, ?, ?, ?)")
                .params(userId, institutionId, role.name(), Clock.now(), grantedBy).update();
        return true;
    }

    /** Removes a role; returns false when the user did not hold it. */
    public boolean revoke(long userId, long institutionId, Role role) {
        return jdbc.sql("delete from user_role where user_id = ? and institution_id = ? and role = ?")
                .params(userId, institutionId, role.name()).update() > 0;
    }

    public long countWithRole(long institutionId, Role role) {
        return jdbc.sql("select count(*) from user_role where institution_id = ? and role = ?")
                .params(institutionId, role.name()).query(Long.class).single();
    }
}

package dk.tilsyn.access.internal;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run whose instance stopped is marked failed with a Danish reason; a live one is left alone (H2 and PostgreSQL). */
@TilsynIntegrationTest
class StaleRunsIT {

    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunHousekeeping housekeeping;

    @Test
    void aRunWithoutHeartbeatIsFailedAndAuditedAndALiveRunIsNot() {
        Institution institution = testUsers.institution("stale");
        TestUsers.TestUser user = testUsers.user(institution, Role.CONTROLLER);
        OffsetDateTime now = Clock.now();
        long stopped = run(institution, user, "RUNNING", now.minusMinutes(20), now.minusMinutes(10));
        long queued = run(institution, user, "QUEUED", now.minusMinutes(30), null);
        long live = run(institution, user, "RUNNING", now.minusMinutes(20), now.minusSeconds(20));

        assertThat(housekeeping.failStale(now.minus(Duration.ofMinutes(5)))).isGreaterThanOrEqualTo(2);

        assertThat(status(stopped)).containsEntry("status", "FAILED");
        assertThat((String) status(stopped).get("failure")).contains("Analysen blev afbrudt");
        assertThat(status(queued)).containsEntry("status", "FAILED");
        assertThat(status(live)).containsEntry("status", "RUNNING");
        assertThat(jdbc.sql("select count(*) from audit_entry where institution_id = ? and entity_type = 'analysis-run' "
                + "and after_json like '%stale%'").param(institution.id()).query(Long.class).single()).isEqualTo(2);
        assertThat(housekeeping.failStale(now.minus(Duration.ofMinutes(5)))).as("nothing left to fail").isZero();
    }

    private long run(Institution institution, TestUsers.TestUser user, String status, OffsetDateTime started,
                     OffsetDateTime heartbeat) {
        jdbc.sql("insert into analysis_run (institution_id, status, as_of, started_by, started_at, heartbeat_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(institution.id(), status, LocalDate.now(), user.id(), started, heartbeat).update();
        return jdbc.sql("select max(id) from analysis_run where institution_id = ?").param(institution.id())
                .query(Long.class).single();
    }

    private Map<String, Object> status(long id) {
        return jdbc.sql("select status, failure from analysis_run where id = ?").param(id).query().singleRow();
    }
}

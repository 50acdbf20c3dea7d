package dk.tilsyn.access.internal;

import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.jdbc.CustomPlans;
import dk.tilsyn.platform.jdbc.Inserts;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.platform.web.Paged;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings list's status filter reads the decision and documentation columns directly (StoredFinding.statusIs);
 * the status shown is the case expression. On H2 and PostgreSQL, for every combination of decision, expiry and
 * documentation around today's date, the filter finds exactly the findings whose shown status it names — alone and
 * with a system filter, which PostgreSQL plans for its value (CustomPlans).
 */
@TilsynIntegrationTest
class FindingStatusIT {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunService runService;
    @Autowired
    RunRepository runs;
    @Autowired
    CustomPlans customPlans;
    @Autowired
    DataSource dataSource;

    Institution institution;
    TestUsers.TestUser controller;
    long runId;

    @BeforeEach
    void aRunOfTheDemoData() throws Exception {
        institution = testUsers.institution("status");
        controller = testUsers.user(institution, Role.CONTROLLER, Role.SECURITY_COORDINATOR);
        DemoRuns demo = new DemoRuns(WebClient.signedIn(port, controller), jdbc, institution, runService);
        demo.importPersonsAndUnits();
        demo.uploadAll();
        runId = demo.run();
    }

    /**
     * The decisions made here are fixtures, not a manager's: they go again, so the hourly check for expired
     * acceptances, which looks at every institution, does not tell anyone about them in another test.
     */
    @AfterEach
    void withoutTheDecisionsMadeHere() {
        jdbc.sql("update finding set decision_id = null where run_id = ?").param(runId).update();
        jdbc.sql("delete from finding_decision where run_id = ?").param(runId).update();
    }

    /** A decision (or none), its expiry and the documentation, in days from today (null: none). */
    private record Combination(String decision, Integer expiresIn, Integer documentedFor, String status) {
    }

    private static final List<Combination> COMBINATIONS = List.of(
            new Combination("ACCEPT", 30, null, "accepted"),
            new Combination("ACCEPT", 30, 30, "accepted"),
            new Combination("ACCEPT", 0, null, "accepted"),
            new Combination("ACCEPT", -1, null, "expired"),
            new Combination("ACCEPT", -1, -1, "expired"),
            new Combination("ACCEPT", null, null, "expired"),
            new Combination("ACCEPT", -1, 30, "documented"),
            new Combination("ACCEPT", null, 0, "documented"),
            new Combination("REJECT", null, null, "rejected"),
            new Combination("REJECT", null, 30, "rejected"),
            new Combination(null, null, 30, "documented"),
            new Combination(null, null, 0, "documented"),
            new Combination(null, null, -1, "open"),
            new Combination(null, null, null, "open"));

    @Test
    void eachStatusFilterFindsExactlyTheFindingsShownWithThatStatus() {
        List<Long> findings = jdbc.sql("select id from finding where run_id = ? order by seq").param(runId)
                .query(Long.class).list();
        assertThat(findings.size()).as("the demo run has a finding for each combination").isGreaterThan(COMBINATIONS.size());
        Map<Long, String> intended = new HashMap<>();
        for (int i = 0; i < COMBINATIONS.size(); i++) {
            intended.put(findings.get(i), decide(findings.get(i), COMBINATIONS.get(i)));
        }

        Map<String, TreeSet<Long>> shown = TenantContext.runAs(institution.id(), () -> {
            Map<String, TreeSet<Long>> byStatus = new TreeMap<>();
            allOf(null, null).forEach(f -> byStatus.computeIfAbsent(f.status(), s -> new TreeSet<>()).add(f.id()));
            return byStatus;
        });
        intended.forEach((id, status) -> assertThat(shown.get(status)).as("finding %d is shown as %s", id, status).contains(id));

        for (String status : StoredFinding.STATUSES) {
            TreeSet<Long> expected = shown.getOrDefault(status, new TreeSet<>());
            List<StoredFinding> filtered = TenantContext.runAs(institution.id(), () -> allOf(status, null));
            assertThat(new TreeSet<>(filtered.stream().map(StoredFinding::id).toList())).as(status).isEqualTo(expected);
            assertThat(filtered).as("each shown as " + status).allMatch(f -> f.status().equals(status));

            List<StoredFinding> inRejsUd = TenantContext.runAs(institution.id(), () -> allOf(status, "rejsud"));
            assertThat(new TreeSet<>(inRejsUd.stream().map(StoredFinding::id).toList())).as(status + " in rejsud")
                    .isEqualTo(new TreeSet<>(filtered.stream().filter(f -> (", " + f.systems() + ", ").contains(", rejsud, "))
                            .map(StoredFinding::id).toList()));
        }
        long openOrExpired = shown.getOrDefault("open", new TreeSet<>()).size() + shown.getOrDefault("expired", new TreeSet<>()).size();
        assertThat(TenantContext.runAs(institution.id(), () -> runs.countOpen(runId))).isEqualTo(openOrExpired);
    }

    @Test
    void customPlansHoldForTheirOwnTransactionOnly() throws Exception {
        boolean postgres;
        try (Connection connection = dataSource.getConnection()) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        if (!postgres) {
            assertThat(customPlans.run(() -> jdbc.sql("select count(*) from finding where run_id = ?").param(runId)
                    .query(Long.class).single())).as("on H2 the work simply runs").isPositive();
            return;
        }
        assertThat(customPlans.run(() -> jdbc.sql("show plan_cache_mode").query(String.class).single()))
                .isEqualTo("force_custom_plan");
        assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).as("the pooled connection after").isEqualTo("auto");
    }

    /** Gives the finding the combination's decision and documentation; returns the status it should show. */
    private String decide(long findingId, Combination combination) {
        LocalDate today = LocalDate.now();
        if (combination.decision() != null) {
            long decision = Inserts.returningId(jdbc.sql("""
                            insert into finding_decision (institution_id, identity_key, access_hash, run_id, finding_id,
                                decision, expires_on, decided_by, decided_at)
                            select institution_id, identity_key, access_hash, run_id, id, ?, ?, ?, ? from finding where id = ?""")
                    .params(combination.decision(), combination.expiresIn() == null ? null : today.plusDays(combination.expiresIn()),
                            controller.user().id(), OffsetDateTime.now(), findingId));
            jdbc.sql("update finding set decision_id = ? where id = ?").params(decision, findingId).update();
        }
        if (combination.documentedFor() != null) {
            jdbc.sql("update finding set documented_until = ? where id = ?")
                    .params(today.plusDays(combination.documentedFor()), findingId).update();
        }
        return combination.status();
    }

    /** Every page of the list with the status (or none) and system (or none), sorted by status to cover that too. */
    private List<StoredFinding> allOf(String status, String system) {
        AnalysisRun run = runs.findById(runId).orElseThrow();
        List<StoredFinding> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Paged<StoredFinding> found = runs.findings(run, new FindingFilter(null, null, status, null, system, null, null,
                    "status", false, page));
            all.addAll(found.items());
            if (!found.hasNext()) {
                return all;
            }
        }
    }
}

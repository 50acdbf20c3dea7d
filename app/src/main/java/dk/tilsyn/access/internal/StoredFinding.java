package dk.tilsyn.access.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A finding as a run stored it; lists are joined text, as they are shown.
 *
 * @param status what is decided on it today: {@code open}, {@code accepted}, {@code rejected}, {@code documented}
 *               (privileged access with current documentation) or {@code expired} (an acceptance has run out)
 */
public record StoredFinding(long id, long runId, int seq, String kind, String severity, String rule, String personKey,
                            String systems, String accounts, String evidence, String explanation, String identityKey,
                            String accessHash, String functions, Long decisionId, String status) {

    /** What is decided on a finding today, from the decision that applies ({@code d}); {@code :today} is bound. */
    static final String STATUS = """
            (case when d.decision = 'ACCEPT' and d.expires_on >= :today then 'accepted'
                 when d.decision = 'REJECT' then 'rejected'
                 when f.documented_until >= :today then 'documented'
                 when d.decision = 'ACCEPT' then 'expired'
                 else 'open' end)""";

    /**
     * Per status, a condition that holds exactly where {@link #STATUS} gives that status, written so the database can
     * use the finding's indexes: the list is filtered on it. The {@code case} expression must be computed for every
     * finding of the run before it can be compared, and almost all findings have no decision at all; these name
     * {@code decision_id} and {@code documented_until} directly, so "accepted" reads the few decided findings through
     * their index and "open" walks the run in order and stops at the page (V16). Each is the case expression's
     * branch with the earlier branches ruled out; a test compares them on every combination (FindingStatusIT).
     */
    private static final Map<String, String> STATUS_IS = Map.of(
            "accepted", "(f.decision_id is not null and d.decision = 'ACCEPT' and d.expires_on >= :today)",
            "rejected", "(f.decision_id is not null and d.decision = 'REJECT')",
            "documented", """
                    (f.documented_until >= :today and (d.decision is null or d.decision <> 'REJECT')
                     and (d.decision is null or d.decision <> 'ACCEPT' or d.expires_on is null or d.expires_on < :today))""",
            "expired", """
                    (f.decision_id is not null and d.decision = 'ACCEPT' and (d.expires_on is null or d.expires_on < :today)
                     and (f.documented_until is null or f.documented_until < :today))""",
            "open", """
                    ((f.decision_id is null or d.decision is null or d.decision not in ('ACCEPT', 'REJECT'))
                     and (f.documented_until is null or f.documented_until < :today))""");

    /** The condition for one of {@link #STATUSES}; {@code :today} is bound. */
    static String statusIs(String status) {
        String condition = STATUS_IS.get(status);
        if (condition == null) {
            throw new IllegalArgumentException("Ukendt status: " + status);
        }
        return condition;
    }

    /** The columns, in record order. */
    static final String COLUMNS = """
            f.id, f.run_id, f.seq, f.kind, f.severity, f.rule, f.person_key, f.systems, f.accounts, f.evidence,
            f.explanation, f.identity_key, f.access_hash, f.functions, f.decision_id,
            """ + STATUS + " as status ";

    /** {@code finding f} with the decision that applies to it. */
    static final String FROM = " from finding f left join finding_decision d on d.id = f.decision_id ";

    static final List<String> STATUSES = List.of("open", "accepted", "rejected", "documented", "expired");

    public List<String> functionList() {
        return functions == null || functions.isBlank() ? List.of() : Arrays.asList(functions.split("\n"));
    }

    /** Bootstrap's contrast-safe badge class for the status. */
    public String badge() {
        return switch (status) {
            case "accepted" -> "text-bg-success";
            case "rejected" -> "text-bg-danger";
            case "documented" -> "text-bg-info";
            default -> "text-bg-warning";
        };
    }

    public boolean decided() {
        return !"open".equals(status) && !"expired".equals(status);
    }
}

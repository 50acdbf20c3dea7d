package dk.tilsyn.access.internal;

import java.util.Arrays;
import java.util.List;

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

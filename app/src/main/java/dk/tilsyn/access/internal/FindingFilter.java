package dk.tilsyn.access.internal;

import java.util.Map;

/**
 * Filters and order for a run's findings list. Sort keys are looked up in a fixed map, never spliced into SQL.
 * Severity sorts by seriousness: findings are stored in the engine's order (severity first), so {@code seq} is it.
 */
public record FindingFilter(String kind, String severity, String status, String rule, String system, Long orgUnitId, String text,
                            String sort, boolean descending, int page) {

    private static final Map<String, String> SORTS = Map.of(
            "severity", "f.seq",
            "kind", "f.kind",
            "person", "f.person_key",
            "rule", "f.rule",
            "status", "status");

    public String sortKey() {
        return SORTS.containsKey(sort) ? sort : "severity";
    }

    /** No filter and no search: the list is the whole run, whose size the run records. */
    boolean unfiltered() {
        return blank(kind) && blank(severity) && blank(status) && blank(rule) && blank(system) && orgUnitId == null
                && blank(text);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    String orderBy() {
        return SORTS.get(sortKey()) + (descending ? " desc" : " asc") + ", f.seq";
    }
}

package dk.tilsyn.organisation.internal;

/**
 * Filters and order for the persons list. Sort keys are checked against a fixed list, never spliced into SQL.
 *
 * @param status "all", "employed" or "left"
 */
public record PersonQuery(String text, Long orgUnitId, String status, String sort, boolean descending, int page, int size) {

    static final java.util.Map<String, String> SORTS = java.util.Map.of(
            "name", "p.name",
            "id", "p.person_key",
            "unit", "u.name",
            "end", "p.employment_end");

    public String orderBy() {
        String column = SORTS.getOrDefault(sort, "p.name");
        return column + (descending ? " desc" : " asc") + ", p.person_key";
    }

    public String sortKey() {
        return SORTS.containsKey(sort) ? sort : "name";
    }
}

package dk.tilsyn.bench.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings-list URLs as users make them: the choices are read from the run page's own filter form (kinds, rules,
 * systems, org units), combined at random with a text search, a sort, its direction and a page.
 */
public final class FindingQueries {

    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");
    private static final List<String> STATUSES = List.of("open", "accepted", "rejected", "documented", "expired");
    private static final List<String> SORTS = List.of("severity", "kind", "person", "rule", "status");
    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]+)\"");

    private final long runId;
    private final List<String> kinds;
    private final List<String> rules;
    private final List<String> systems;
    private final List<String> units;
    private final List<String> personKeys;
    private final int unfilteredPages;

    public FindingQueries(long runId, String runPageHtml, List<String> personKeys, long findings) {
        this.runId = runId;
        this.kinds = options(runPageHtml, "kind");
        this.rules = options(runPageHtml, "rule");
        this.systems = options(runPageHtml, "system");
        this.units = options(runPageHtml, "unit");
        this.personKeys = personKeys;
        this.unfilteredPages = (int) Math.max(1, (findings + 49) / 50);
    }

    public String describe() {
        return "%d kinds, %d rules, %d systems, %d org units, %d pages unfiltered".formatted(kinds.size(), rules.size(),
                systems.size(), units.size(), unfilteredPages);
    }

    /**
     * About a third of the requests have no filter, the rest one or two; sort and direction at random; mostly the
     * first page, sometimes pages 2–5, and for unfiltered lists now and then any page (a deep OFFSET).
     */
    public String next(RandomGenerator random) {
        List<String> params = new ArrayList<>();
        int filters = random.nextInt(10) < 3 ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < filters; i++) {
            switch (random.nextInt(8)) {
                case 0 -> add(params, "kind", pick(kinds, random));
                case 1 -> add(params, "severity", pick(SEVERITIES, random));
                case 2 -> add(params, "status", pick(STATUSES, random));
                case 3 -> add(params, "system", pick(systems, random));
                case 4 -> add(params, "rule", pick(rules, random));
                case 5 -> add(params, "unit", pick(units, random));
                case 6 -> add(params, "q", pick(personKeys, random));
                default -> add(params, "q", pick(personKeys, random).substring(0, 5));
            }
        }
        if (random.nextBoolean()) {
            add(params, "sort", pick(SORTS, random));
            add(params, "desc", Boolean.toString(random.nextBoolean()));
        }
        int roll = random.nextInt(10);
        if (roll >= 7 && roll < 9) {
            add(params, "page", Integer.toString(2 + random.nextInt(4)));
        } else if (roll == 9) {
            add(params, "page", Integer.toString(1 + random.nextInt(filters == 0 ? unfilteredPages : 5)));
        }
        return "/analyser/" + runId + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String pick(List<String> values, RandomGenerator random) {
        return values.isEmpty() ? null : values.get(random.nextInt(values.size()));
    }

    /** The values of a select's options on the page, without the empty "Alle" choice. */
    static List<String> options(String html, String selectId) {
        int start = html.indexOf("<select id=\"" + selectId + "\"");
        if (start < 0) {
            return List.of();
        }
        String select = html.substring(start, html.indexOf("</select>", start));
        List<String> values = new ArrayList<>();
        Matcher option = OPTION.matcher(select);
        while (option.find()) {
            values.add(option.group(1));
        }
        return values;
    }
}

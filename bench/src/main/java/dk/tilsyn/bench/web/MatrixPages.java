package dk.tilsyn.bench.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The overview matrix of a run as one user browses it (issue 4: "browsable in the page, fast with 100,000 persons"):
 * random pages of the conflicts, random pages of every subject, a search for a person (when there are persons), one
 * request at a time; then the XLSX download once. Each page is checked for its table, so an error page is not timed as a page.
 */
public final class MatrixPages {

    private static final Pattern PAGES = Pattern.compile("(\\d+) / (\\d+)</span>");
    private static final String ROWS_OK = "<tbody>";

    /** One kind of page and how long it took. */
    public record Kind(String name, Latencies latencies, int pages) {
    }

    /** The XLSX download. */
    public record Download(double seconds, long bytes, int status) {
    }

    private final BrowserSession session;
    private final long run;

    public MatrixPages(BrowserSession session, long run) {
        this.session = session;
        this.run = run;
    }

    /** @param persons person ids to search for (each page's search is one of them) */
    public List<Kind> browse(List<String> persons, int requestsPerKind, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String base = "/analyser/" + run + "/matrix";
        int conflictPages = pages(base + "?konflikter=true");
        int allPages = pages(base + "?konflikter=false");
        List<Kind> kinds = new ArrayList<>();
        kinds.add(time("conflicts only, random page", requestsPerKind, conflictPages,
                () -> base + "?konflikter=true&page=" + (1 + random.nextInt(conflictPages))));
        kinds.add(time("every subject, random page", requestsPerKind, allPages,
                () -> base + "?konflikter=false&page=" + (1 + random.nextInt(allPages))));
        if (!persons.isEmpty()) {
            kinds.add(time("search for a person", requestsPerKind, 1, () -> base + "?konflikter=false&q="
                    + URLEncoder.encode(persons.get(random.nextInt(persons.size())), StandardCharsets.UTF_8)));
        }
        return kinds;
    }

    public Download xlsx() {
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = session.download("/analyser/" + run + "/matrix.xlsx");
        double seconds = (System.nanoTime() - start) / 1e9;
        if (answer.statusCode() != 200) {
            throw new BenchFailure("GET /analyser/" + run + "/matrix.xlsx answered " + answer.statusCode());
        }
        return new Download(seconds, answer.body().length, answer.statusCode());
    }

    private int pages(String path) {
        HttpResponse<String> first = session.get(path);
        if (first.statusCode() != 200) {
            throw new BenchFailure("GET " + path + " answered " + first.statusCode());
        }
        Matcher pages = PAGES.matcher(first.body());
        return pages.find() ? Integer.parseInt(pages.group(2)) : 1;
    }

    private Kind time(String name, int requests, int pages, Supplier<String> paths) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < requests; i++) {
            String path = paths.get();
            long start = System.nanoTime();
            HttpResponse<String> answer = session.get(path);
            long elapsed = System.nanoTime() - start;
            if (answer.statusCode() == 200 && answer.body().contains(ROWS_OK)) {
                latencies.add(elapsed);
            } else {
                latencies.error();
                if (latencies.errors() <= 3) {
                    System.err.println("Unexpected answer " + answer.statusCode() + " to " + path);
                }
            }
        }
        return new Kind(name, latencies, pages);
    }
}

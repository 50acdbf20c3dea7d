package dk.tilsyn.bench.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controller's way from files to findings, over HTTP as a browser does it: import the persons file, register
 * the systems, then — timed as "upload-to-results" — upload, check and accept every extract, start the run and
 * follow it to "Færdig" and its first page of findings.
 */
public final class UploadToResults {

    private static final Pattern ACCEPT_ACTION = Pattern.compile("/systemer/\\d+/udtraek/(\\d+)/godkend");
    private static final Pattern RUN_LOCATION = Pattern.compile("/analyser/(\\d+)$");
    private static final Pattern FINDINGS_COUNT = Pattern.compile("<dt>Fund</dt><dd>(\\d+)</dd>");
    private static final Pattern ROWS = Pattern.compile("<dt>Rækker</dt><dd>(\\d+)</dd>");
    private static final long POLL_MILLIS = 500;

    private final BrowserSession browser;
    private final Long serverPid;
    private final LocalDate asOf;

    public UploadToResults(BrowserSession browser, Long serverPid, LocalDate asOf) {
        this.browser = browser;
        this.serverPid = serverPid;
        this.asOf = asOf;
    }

    /** An extract of one system, as named by its file. */
    public record Extract(String systemKey, Path file) {
    }

    /** One extract's upload (with the server's check and preview) and its acceptance. */
    public record FileTiming(String systemKey, long rows, long bytes, double uploadSeconds, double acceptSeconds) {
    }

    /** A finished run. */
    public record RunResult(long runId, long findings, Phase.Result timing, double startSeconds, double untilDoneSeconds,
                            double firstPageSeconds) {
    }

    public Phase.Result importPersons(Path persons) {
        Phase phase = Phase.start("persons import", serverPid);
        HttpResponse<String> answer = browser.postFile("/organisation/import",
                List.of(Map.entry("_csrf", browser.csrfFrom("/organisation/import")), Map.entry("kind", "persons")),
                "file", persons);
        Phase.Result result = phase.stop();
        if (answer.statusCode() != 200 || !answer.body().contains("er indlæst")) {
            throw new BenchFailure("The persons import was refused (" + answer.statusCode() + "):\n" + excerpt(answer.body()));
        }
        return result;
    }

    /** Registers each system (generic CSV profile); returns the system ids in the extracts' order. */
    public List<Long> registerSystems(List<Extract> extracts) {
        List<Long> ids = new ArrayList<>();
        for (Extract extract : extracts) {
            HttpResponse<String> answer = browser.submit("/systemer", "/systemer", List.of(
                    Map.entry("key", extract.systemKey()), Map.entry("name", extract.systemKey()), Map.entry("profile", "")));
            if (!BrowserSession.isRedirect(answer)) {
                throw new BenchFailure("Registering system " + extract.systemKey() + " was refused; is the database fresh?");
            }
            String path = BrowserSession.locationPath(answer);
            ids.add(Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
        }
        return ids;
    }

    /** Upload, check and accept one extract, as a user on the system's page does it. */
    public FileTiming uploadAndAccept(long systemId, Extract extract) throws java.io.IOException {
        String page = "/systemer/" + systemId + "/udtraek";
        long start = System.nanoTime();
        HttpResponse<String> uploaded = browser.postFile(page, List.of(Map.entry("_csrf", browser.csrfFrom(page)),
                Map.entry("kind", "EXTRACT"), Map.entry("asOf", asOf.toString())), "file", extract.file());
        long checked = System.nanoTime();
        Matcher accept = ACCEPT_ACTION.matcher(uploaded.body());
        if (uploaded.statusCode() != 200 || !uploaded.body().contains("Filen er læst uden fejl") || !accept.find()) {
            throw new BenchFailure("Upload of " + extract.file() + " was refused (" + uploaded.statusCode() + "):\n"
                    + excerpt(uploaded.body()));
        }
        Matcher rows = ROWS.matcher(uploaded.body());
        String token = BrowserSession.csrfToken(uploaded.body()).orElseThrow();
        HttpResponse<String> accepted = browser.postForm(accept.group(0), List.of(Map.entry("_csrf", token)));
        if (!BrowserSession.isRedirect(accepted)) {
            throw new BenchFailure("Accepting " + extract.file() + " answered " + accepted.statusCode());
        }
        HttpResponse<String> list = browser.get(BrowserSession.locationPath(accepted));
        if (list.statusCode() != 200) {
            throw new BenchFailure("The extracts page after accepting answered " + list.statusCode());
        }
        long done = System.nanoTime();
        return new FileTiming(extract.systemKey(), rows.find() ? Long.parseLong(rows.group(1)) : -1,
                java.nio.file.Files.size(extract.file()), (checked - start) / 1e9, (done - checked) / 1e9);
    }

    /** Starts a run on every accepted file and follows it, as the run page's poll does, until it is finished. */
    public RunResult run() {
        Phase phase = Phase.start("run", serverPid);
        long start = System.nanoTime();
        HttpResponse<String> started = browser.submit("/analyser", "/analyser", List.of(Map.entry("asOf", asOf.toString())));
        Matcher location = BrowserSession.isRedirect(started) ? RUN_LOCATION.matcher(BrowserSession.locationPath(started)) : null;
        if (location == null || !location.find()) {
            throw new BenchFailure("Starting the run answered " + started.statusCode()
                    + (BrowserSession.isRedirect(started) ? " to " + BrowserSession.location(started) : ""));
        }
        long runId = Long.parseLong(location.group(1));
        String runPage = "/analyser/" + runId;
        long queued = System.nanoTime();
        while (true) {
            HttpResponse<String> status = browser.getAsHtmx(runPage);
            if (status.body().contains(">Fejlede<")) {
                throw new BenchFailure("Run " + runId + " failed:\n" + excerpt(status.body()));
            }
            if (status.body().contains(">Færdig<")) {
                break;
            }
            sleep();
        }
        long done = System.nanoTime();
        // What the browser does on HX-Refresh: load the whole page with the first page of findings.
        HttpResponse<String> results = browser.get(runPage);
        long shown = System.nanoTime();
        Phase.Result timing = phase.stop();
        Matcher count = FINDINGS_COUNT.matcher(results.body());
        return new RunResult(runId, count.find() ? Long.parseLong(count.group(1)) : -1, timing, (queued - start) / 1e9,
                (done - queued) / 1e9, (shown - done) / 1e9);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("Interrupted while waiting for the run");
        }
    }

    private static String excerpt(String html) {
        int at = html.indexOf("alert");
        String part = at < 0 ? html : html.substring(Math.max(0, at - 100));
        return part.substring(0, Math.min(part.length(), 2000));
    }
}

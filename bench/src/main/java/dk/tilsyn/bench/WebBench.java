package dk.tilsyn.bench;

import dk.tilsyn.bench.web.BrowserSession;
import dk.tilsyn.bench.web.FindingQueries;
import dk.tilsyn.bench.web.Latencies;
import dk.tilsyn.bench.web.LoadTest;
import dk.tilsyn.bench.web.Machine;
import dk.tilsyn.bench.web.MatrixPages;
import dk.tilsyn.bench.web.PersonSample;
import dk.tilsyn.bench.web.Phase;
import dk.tilsyn.bench.web.SignIn;
import dk.tilsyn.bench.web.UploadToResults;
import dk.tilsyn.bench.web.UploadToResults.Extract;
import dk.tilsyn.bench.web.UploadToResults.FileTiming;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 4's web-app figures, measured against a running Tilsyn over HTTP: persons import, upload-to-results for
 * every extract of a data set, and the findings list and person page under concurrent users. Prints one table;
 * asserts nothing. See {@code docs/performance.md} for how to start the server it drives.
 */
@Command(name = "webbench", mixinStandardHelpOptions = true,
        description = "Drives a running Tilsyn over HTTP and prints the web app's figures (issue 4).")
public final class WebBench implements Callable<Integer> {

    private static final Pattern ONE_TIME = Pattern.compile("Engangsadgangskode:\\s+(\\S+)");
    private static final Pattern FINDINGS_COUNT = Pattern.compile("<dt>Fund</dt><dd>(\\d+)</dd>");

    @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8181", description = "the running Tilsyn (default: ${DEFAULT-VALUE})")
    URI base;

    @Option(names = "--data", defaultValue = "/tmp/large", description = "data set: persons.csv and extracts/*.csv (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--user", defaultValue = "admin", description = "user to sign in as (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", defaultValue = "Bench-Tilsyn-2026-store", description = "the bench user's password; the one-time password is changed to it at first sign-in (default: ${DEFAULT-VALUE})")
    String password;

    @Option(names = "--one-time-password", description = "the one-time password printed at first start")
    String oneTimePassword;

    @Option(names = "--server-log", description = "the server's console log, to read the one-time password from")
    Path serverLog;

    @Option(names = "--server-pid", description = "pid of the server's java process, to report its CPU time")
    Long serverPid;

    @Option(names = "--database", defaultValue = "tilsyn_bench", description = "the server's PostgreSQL database, to report its backends' CPU time (default: ${DEFAULT-VALUE})")
    String database;

    @Option(names = "--as-of", defaultValue = "2026-10-31", description = "the extracts' as-of date and the run's (default: ${DEFAULT-VALUE})")
    LocalDate asOf;

    @Option(names = "--run-id", description = "skip import and uploads; load-test this finished run")
    Long runId;

    @Option(names = "--rerun", description = "skip import and uploads; start a new run on the files already accepted, then load-test it")
    boolean rerun;

    @Option(names = "--persons-only", description = "import persons.csv once (a fresh database), print its figures and stop")
    boolean personsOnly;

    @Option(names = "--users", defaultValue = "20", description = "concurrent users (default: ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--warmup", defaultValue = "20", description = "warm-up seconds, not recorded (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seconds", defaultValue = "60", description = "measured seconds (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--person-candidates", defaultValue = "400", description = "random persons tried for the person page (default: ${DEFAULT-VALUE})")
    int personCandidates;

    @Option(names = "--matrix-requests", defaultValue = "100", description = "matrix pages of each kind timed after the load test, one at a time; 0 skips them (default: ${DEFAULT-VALUE})")
    private int matrixRequests;

    @Option(names = "--seed", defaultValue = "20261122", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    private final List<String[]> table = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        System.out.println("Load average at start: " + Machine.loadAverage() + " (" + Runtime.getRuntime().availableProcessors()
                + " cores; other processes on the machine share them)");
        Phase.watchDatabase(database);
        SignIn signIn = new SignIn(base, user, password, oneTimePassword());
        BrowserSession admin = signIn.open();
        if (personsOnly) {
            row("(a) persons import (" + data.resolve("persons.csv").getFileName() + ")",
                    new UploadToResults(admin, serverPid, asOf).importPersons(data.resolve("persons.csv")), "");
            print();
            return 0;
        }
        long run = runId != null ? runId : rerun ? runAgain(admin) : uploadToResults(admin);
        String runPage = admin.get("/analyser/" + run).body();
        Matcher count = FINDINGS_COUNT.matcher(runPage);
        long findings = count.find() ? Long.parseLong(count.group(1)) : 0;
        List<String> persons = PersonSample.withAccounts(data.resolve("persons.csv"), personCandidates, seed, admin);
        FindingQueries queries = new FindingQueries(run, runPage, persons, findings);
        System.out.printf("Run %d: %d findings; filter choices: %s; %d of %d sampled persons have accounts%n",
                run, findings, queries.describe(), persons.size(), personCandidates);
        LoadTest.Outcome outcome = new LoadTest(new LoadTest.Settings(users, warmup, seconds, seed), signIn::open,
                queries, persons, serverPid).run();
        load(outcome);
        matrix(admin, run, persons);
        print();
        return 0;
    }

    /** (d) The overview matrix in the page and as XLSX, one user, after the load test. */
    private void matrix(BrowserSession admin, long run, List<String> persons) {
        if (matrixRequests <= 0) {
            return;
        }
        MatrixPages matrix = new MatrixPages(admin, run);
        System.out.printf("Matrix: %d requests of each kind, one at a time ...%n", matrixRequests);
        for (MatrixPages.Kind kind : matrix.browse(persons, matrixRequests, seed)) {
            Latencies l = kind.latencies();
            table.add(new String[]{"(d) matrix page, " + kind.name(), "%,d req, %d errors".formatted(l.count(), l.errors()),
                    "p50 %.0f ms, p95 %.0f ms, max %.0f ms".formatted(l.percentileMillis(50), l.percentileMillis(95),
                            l.maxMillis()), kind.pages() > 1 ? "%,d pages".formatted(kind.pages()) : ""});
        }
        MatrixPages.Download xlsx = matrix.xlsx();
        table.add(new String[]{"(d) matrix as XLSX (download)", "%.2f s".formatted(xlsx.seconds()),
                "%,d bytes, HTTP %d".formatted(xlsx.bytes(), xlsx.status()), "written by the run; sent from the evidence store"});
    }

    private long uploadToResults(BrowserSession admin) throws IOException {
        List<Extract> extracts = extracts();
        UploadToResults flow = new UploadToResults(admin, serverPid, asOf);
        Phase.Result persons = flow.importPersons(data.resolve("persons.csv"));
        row("(a) persons import (" + data.resolve("persons.csv").getFileName() + ")", persons, "");
        List<Long> systemIds = flow.registerSystems(extracts);
        System.out.printf("Registered %d systems%n", systemIds.size());
        Phase uploads = Phase.start("uploads", serverPid);
        long rows = 0;
        long bytes = 0;
        double check = 0;
        double accept = 0;
        for (int i = 0; i < extracts.size(); i++) {
            FileTiming file = flow.uploadAndAccept(systemIds.get(i), extracts.get(i));
            System.out.printf("  %-9s %,9d rows %,11d bytes  upload+check %6.2f s  accept %5.2f s  (load %s)%n",
                    file.systemKey(), file.rows(), file.bytes(), file.uploadSeconds(), file.acceptSeconds(), Machine.loadAverage());
            rows += file.rows();
            bytes += file.bytes();
            check += file.uploadSeconds();
            accept += file.acceptSeconds();
        }
        Phase.Result uploaded = uploads.stop();
        UploadToResults.RunResult run = flow.run();
        row("(b1) upload + check + accept, %d extracts".formatted(extracts.size()), uploaded,
                "%,d rows, %,d MB; upload+check %.1f s, accept %.1f s".formatted(rows, bytes >> 20, check, accept));
        row("(b2) run to \"Færdig\" + first findings page", run.timing(), "run %d, %,d findings; start request %.1f s, queued to Færdig %.1f s (polled every 0.5 s), results page %.2f s"
                .formatted(run.runId(), run.findings(), run.startSeconds(), run.untilDoneSeconds(), run.firstPageSeconds()));
        row("(b) upload-to-results (b1 + b2)", uploaded.plus("upload-to-results", run.timing()), "target ≤ 60 s");
        return run.runId();
    }

    private long runAgain(BrowserSession admin) {
        UploadToResults.RunResult run = new UploadToResults(admin, serverPid, asOf).run();
        row("(b2') another run on the accepted files, to \"Færdig\" + first findings page", run.timing(),
                "run %d, %,d findings; start request %.1f s, queued to Færdig %.1f s, results page %.2f s"
                        .formatted(run.runId(), run.findings(), run.startSeconds(), run.untilDoneSeconds(), run.firstPageSeconds()));
        return run.runId();
    }

    private void load(LoadTest.Outcome outcome) {
        Phase.Result t = outcome.timing();
        String header = "(c) %d users, %d s after %d s warm-up".formatted(users, seconds, warmup);
        long requests = outcome.findingsList().count() + outcome.personPage().count();
        row(header, t, "CPU per request (both kinds): server %.1f ms, PostgreSQL %.1f ms".formatted(
                1000 * t.serverCpuSeconds() / requests, 1000 * t.databaseCpuSeconds() / requests));
        latency("    findings list /analyser/{run}", outcome.findingsList(), t.wallSeconds());
        latency("    person page /personadgang/{key}", outcome.personPage(), t.wallSeconds());
    }

    private void latency(String name, Latencies l, double wall) {
        table.add(new String[]{name, "%,d req (%.1f/s), %d errors".formatted(l.count(), l.count() / wall, l.errors()),
                "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (mean %.0f)".formatted(l.percentileMillis(50),
                        l.percentileMillis(95), l.percentileMillis(99), l.maxMillis(), l.meanMillis()),
                "target p95 ≤ 300 ms"});
    }

    private void row(String name, Phase.Result r, String note) {
        table.add(new String[]{name, "%.1f s wall".formatted(r.wallSeconds()),
                "CPU: server %.1f s, PostgreSQL %.1f s; machine busy %.0f%%; load at start %s".formatted(
                        r.serverCpuSeconds(), r.databaseCpuSeconds(), r.machineBusyPercent(), r.loadAtStart()), note});
    }

    private void print() {
        int[] widths = {"what".length(), "result".length(), "detail".length(), "note".length()};
        for (String[] row : table) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String format = "| %-" + widths[0] + "s | %-" + widths[1] + "s | %-" + widths[2] + "s | %-" + widths[3] + "s |%n";
        System.out.println();
        System.out.printf(format, "what", "result", "detail", "note");
        System.out.printf(format, "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2]), "-".repeat(widths[3]));
        table.forEach(row -> System.out.printf(format, (Object[]) row));
        System.out.println("Load average at end: " + Machine.loadAverage());
    }

    /** Every extracts/*.csv, the file name (without .csv) naming the system. */
    private List<Extract> extracts() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("extracts"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted()
                    .map(f -> new Extract(f.getFileName().toString().replace(".csv", ""), f)).toList();
        }
    }

    private String oneTimePassword() throws IOException {
        if (oneTimePassword != null || serverLog == null) {
            return oneTimePassword;
        }
        Matcher found = ONE_TIME.matcher(Files.readString(serverLog));
        String last = null;
        while (found.find()) {
            last = found.group(1);
        }
        return last;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WebBench()).execute(args));
    }
}

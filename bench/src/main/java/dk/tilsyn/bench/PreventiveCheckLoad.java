package dk.tilsyn.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load driver for the preventive-check endpoint of a running Tilsyn: optionally prepares the demo institution
 * (uploads and accepts the five demo extracts, runs an analysis, issues a token, all over HTTP as an administrator
 * would), then sends 2,000 warm-up calls and 20,000 measured calls one after another, going through the persons in
 * turn, and prints p50/p90/p99/max. Nothing is asserted; the figures go to docs/performance.md.
 *
 * <pre>
 * java -cp bench/target/classes dk.tilsyn.bench.PreventiveCheckLoad http://localhost:18080 \
 *      --setup-demo admin ONE-TIME-PASSWORD demo/demostyrelsen      # or: --token tls_…
 * </pre>
 *
 * <p>On an institution prepared otherwise (the large set, by {@link WebBench}): {@code --issue-token USER PASSWORD}
 * signs in and issues a token without uploading anything, and {@code --persons P%06d 100000} asks about those
 * persons instead of the demo's P0001…P0150.
 */
public final class PreventiveCheckLoad {

    private static final int WARM_UP = 2_000;
    private static final int CALLS = 20_000;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern SECRET = Pattern.compile("<code id=\"issued-secret\"[^>]*>(tls_[A-Za-z0-9_-]+)</code>");
    private static final List<String> SYSTEMS = List.of("rejsud", "indfak", "navision", "district", "nemkonto");

    private final String base;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final HttpClient machine = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private PreventiveCheckLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        PreventiveCheckLoad load = new PreventiveCheckLoad(args[0]);
        String token;
        if (args.length >= 5 && args[1].equals("--setup-demo")) {
            token = load.setUpDemo(args[2], args[3], Path.of(args[4]));
        } else if (args.length >= 4 && args[1].equals("--issue-token")) {
            token = load.issueToken(args[2], args[3]);
        } else if (args.length >= 3 && args[1].equals("--token")) {
            token = args[2];
        } else {
            throw new IllegalArgumentException("usage: BASE-URL (--setup-demo USER PASSWORD DEMO-DIR | --issue-token USER "
                    + "PASSWORD | --token TOKEN) [--persons FORMAT COUNT]");
        }
        int persons = Arrays.asList(args).indexOf("--persons");
        if (persons < 0) {
            load.measure(token, "P%04d", 150);
            return;
        }
        if (persons + 2 >= args.length || !args[persons + 1].contains("%") || !args[persons + 2].matches("[1-9]\\d*")) {
            throw new IllegalArgumentException("--persons needs a format with the number in it and a count of at least 1, "
                    + "e.g. --persons P%06d 100000");
        }
        load.measure(token, args[persons + 1], Integer.parseInt(args[persons + 2]));
    }

    /** @param personFormat the persons' ids from their number, 1 … count; the calls go through them in turn */
    private void measure(String token, String personFormat, int count) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int person = 1; person <= count; person++) {
            bodies.add(("{\"person\": \"" + personFormat + "\", \"system\": \"navision\", \"entitlement\": \"NS_BOGHOLDER\", "
                    + "\"entitlementType\": \"rights_set\"}").formatted(person));
        }
        int failures = 0;
        long withFindings = 0;
        for (int i = 0; i < WARM_UP; i++) {
            call(token, bodies.get(i % bodies.size()));
        }
        long[] nanos = new long[CALLS];
        long started = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            long t0 = System.nanoTime();
            // Going on from where the warm-up stopped: with many persons, the measured calls ask about others.
            HttpResponse<String> answer = call(token, bodies.get((WARM_UP + i) % bodies.size()));
            nanos[i] = System.nanoTime() - t0;
            if (answer.statusCode() != 200) {
                failures++;
            } else if (!answer.body().contains("\"findings\":[]")) {
                withFindings++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("preventive check over HTTP, %,d calls after %,d warm-up, one at a time: p50 %.2f ms, p90 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms; %.0f calls/s; %d not 200; %,d answers with findings%n",
                CALLS, WARM_UP, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[CALLS - 1] / 1e6,
                CALLS / seconds, failures, withFindings);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    private HttpResponse<String> call(String token, String body) throws IOException, InterruptedException {
        return machine.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/forebyggende-kontrol"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Preparing the demo institution as its administrator would

    private String setUpDemo(String user, String password, Path demo) throws Exception {
        HttpResponse<String> login = form("/login", "/login", Map.of("username", user, "password", password));
        if (!login.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException("login as " + user + " failed: " + login.headers().firstValue("Location"));
        }
        if (get("/systemer").statusCode() == 302) {
            // The first administrator's one-time password must be replaced before anything else.
            String chosen = password + "-bench";
            form("/konto/adgangskode", "/konto/adgangskode", Map.of("current", password, "password", chosen, "repeat", chosen));
            System.out.println("password of " + user + " changed to: " + chosen);
        }
        String systems = get("/systemer").body();
        for (String system : SYSTEMS) {
            String id = systemId(systems, system);
            String extracts = "/systemer/" + id + "/udtraek";
            HttpResponse<String> uploaded = multipart(extracts, Map.of("kind", "EXTRACT", "asOf", "2026-10-31"),
                    system + ".csv", Files.readAllBytes(demo.resolve("extracts").resolve(system + ".csv")));
            Matcher accept = Pattern.compile("action=\"(" + Pattern.quote(extracts) + "/\\d+/godkend)\"").matcher(uploaded.body());
            if (!accept.find()) {
                throw new IllegalStateException("upload of " + system + " was not accepted for confirmation: " + uploaded.statusCode());
            }
            form(extracts, accept.group(1), Map.of());
        }
        HttpResponse<String> run = form("/analyser", "/analyser", Map.of("asOf", "2026-10-31"));
        String runPath = run.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        for (int i = 0; i < 600 && !get(runPath).body().contains("Færdig"); i++) {
            Thread.sleep(500);
        }
        String token = newToken();
        // A throwaway demo installation: the token is printed so later rounds can run with --token.
        System.out.println("demo prepared: run " + runPath + ", token " + token);
        return token;
    }

    /** Signs in (the password already changed) and issues a token for the institution as it is. */
    private String issueToken(String user, String password) throws Exception {
        HttpResponse<String> login = form("/login", "/login", Map.of("username", user, "password", password));
        if (!login.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException("login as " + user + " failed: " + login.headers().firstValue("Location"));
        }
        String token = newToken();
        System.out.println("token issued: " + token);
        return token;
    }

    private String newToken() throws IOException, InterruptedException {
        HttpResponse<String> issued = form("/administration/api-noegler", "/administration/api-noegler",
                Map.of("name", "PreventiveCheckLoad"));
        Matcher secret = SECRET.matcher(issued.body());
        if (!secret.find()) {
            throw new IllegalStateException("no token issued: " + issued.statusCode());
        }
        return secret.group(1);
    }

    /** The system's id from the systems page, by its key in the row. */
    private static String systemId(String page, String system) {
        Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(page);
        while (row.find()) {
            if (row.group(1).contains(">" + system + "<")) {
                Matcher id = Pattern.compile("/systemer/(\\d+)").matcher(row.group(1));
                if (id.find()) {
                    return id.group(1);
                }
            }
        }
        throw new IllegalStateException("system " + system + " not found on /systemer");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String page) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(page).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private HttpResponse<String> form(String page, String action, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(page));
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> multipart(String path, Map<String, String> fields, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----TilsynBench" + System.nanoTime();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(path));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}

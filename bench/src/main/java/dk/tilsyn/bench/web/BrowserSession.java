package dk.tilsyn.bench.web;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser talking to a running Tilsyn: its own cookie jar (so its own session), no automatic redirects, and the
 * CSRF token read from the page as a browser's form would carry it.
 */
public final class BrowserSession {

    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern INPUT_CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final URI base;
    private final HttpClient http;

    public BrowserSession(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A GET of a download, its body as the bytes sent. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("Interrupted during " + path);
        }
    }

    /** A GET as htmx sends it (the run page answers a poll with its status fragment only). */
    public HttpResponse<String> getAsHtmx(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET().build());
    }

    /** Reads the CSRF token a page carries, as its forms would post it. */
    public String csrfFrom(String pagePath) {
        HttpResponse<String> page = get(pagePath);
        if (page.statusCode() != 200) {
            throw new BenchFailure("GET " + pagePath + " answered " + page.statusCode() + ", expected a page with a form");
        }
        return csrfToken(page.body()).orElseThrow(() -> new BenchFailure("No CSRF token on " + pagePath));
    }

    /** GETs the page with the form, then posts the fields with the page's CSRF token. */
    public HttpResponse<String> submit(String pagePath, String actionPath, List<Map.Entry<String, String>> fields) {
        String token = csrfFrom(pagePath);
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("_csrf", token));
        return postForm(actionPath, all);
    }

    public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A browser's file upload: the form fields, then the file streamed from disk (not held in memory). */
    public HttpResponse<String> postFile(String path, List<Map.Entry<String, String>> fields, String fileField, Path file) {
        String boundary = "----TilsynBench" + Long.toHexString(System.nanoTime());
        StringBuilder head = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field.getKey()).append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(file.getFileName()).append("\"\r\nContent-Type: text/csv\r\n\r\n");
        String tail = "\r\n--" + boundary + "--\r\n";
        try {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(body)
                    .build());
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in through the login form; true when the server accepted the password. */
    public boolean login(String username, String password) {
        HttpResponse<String> answer = submit("/login", "/login",
                List.of(Map.entry("username", username), Map.entry("password", password)));
        return isRedirect(answer) && !location(answer).contains("error");
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new BenchFailure("No Location header on a " + response.statusCode()));
    }

    /** The redirect target as a path relative to the server. */
    public static String locationPath(HttpResponse<?> response) {
        URI target = response.uri().resolve(location(response));
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    static Optional<String> csrfToken(String html) {
        Matcher meta = META_CSRF.matcher(html);
        if (meta.find()) {
            return Optional.of(meta.group(1));
        }
        Matcher input = INPUT_CSRF.matcher(html);
        return input.find() ? Optional.of(input.group(1) != null ? input.group(1) : input.group(2)) : Optional.empty();
    }

    private URI uri(String path) {
        return base.resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("Interrupted during " + request.uri());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

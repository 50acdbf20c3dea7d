package dk.tilsyn.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client on real sockets: keeps cookies, does not follow redirects by itself (tests look at
 * every hop), and reads the CSRF token from the forms Thymeleaf renders.
 */
public final class WebClient {

    public static final String SESSION_COOKIE = "TILSYN_SESSION";
    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final int MAX_REDIRECTS = 10;

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public WebClient(int port) {
        this("http://localhost:" + port);
    }

    public WebClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
    }

    /** Posts a form as a browser would; the CSRF token is whatever the caller puts in {@code fields}. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** GETs a page, reads its CSRF token and posts the form fields with it. */
    public HttpResponse<String> submit(String pagePath, String actionPath, Map<String, String> fields) {
        HttpResponse<String> page = get(pagePath);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + pagePath + " answered " + page.statusCode() + ", expected a form");
        }
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken(page.body()));
        return post(actionPath, withToken);
    }

    /** A new client on the app at the port, signed in as the user through the login form. */
    public static WebClient signedIn(int port, TestUsers.TestUser user) {
        WebClient client = new WebClient(port);
        client.login(user.username(), user.password());
        return client;
    }

    /** Local sign-in through the login form; returns the answer to the POST (a redirect). */
    public HttpResponse<String> login(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    /** GETs raw bytes (exports, spreadsheets) with extra request headers such as {@code HX-Request}. */
    public HttpResponse<byte[]> getBytes(String pathOrUrl, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        headers.forEach(request::header);
        return sendFor(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form whose fields may repeat (checkbox groups such as {@code role}). */
    public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A file in a multipart form. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {
    }

    /** Posts a {@code multipart/form-data} form as a browser's file upload does (CSRF token among the fields). */
    public HttpResponse<String> postMultipart(String path, List<Map.Entry<String, String>> fields, FilePart file) {
        return postMultipart(path, fields, List.of(file));
    }

    /** A form post with several files (a file input with {@code multiple}). */
    public HttpResponse<String> postMultipart(String path, List<Map.Entry<String, String>> fields, List<FilePart> files) {
        String boundary = "----TilsynTestBoundary" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(1024);
        for (Map.Entry<String, String> field : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType()
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /**
     * Posts a raw request body, as a page's script sends a large file: {@code body} with its declared length, or
     * (when {@code chunked}) as a stream without one. The CSRF token goes in the header Spring Security reads.
     */
    public HttpResponse<String> postBody(String path, String csrfToken, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/octet-stream")
                .header("X-CSRF-TOKEN", csrfToken)
                .POST(publisher)
                .build());
    }

    /** The CSRF token of this session, read from a signed-in page's forms (e.g. the logout button). */
    public String csrfTokenFrom(String pagePath) {
        HttpResponse<String> page = get(pagePath);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + pagePath + " answered " + page.statusCode() + ", expected a page with a form");
        }
        return csrfToken(page.body());
    }

    /** Follows redirects from a response, as a browser would, and returns the last response. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; isRedirect(current); hops++) {
            if (hops == MAX_REDIRECTS) {
                throw new AssertionError("More than " + MAX_REDIRECTS + " redirects from " + response.uri());
            }
            current = get(current.uri().resolve(location(current)).toString());
        }
        return current;
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("No Location header on " + response.statusCode()));
    }

    /** The redirect target as a path (with query), relative to the server. */
    public static String locationPath(HttpResponse<?> response) {
        URI target = response.uri().resolve(location(response));
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    public static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No _csrf hidden input in the page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    public Optional<String> sessionCookie() {
        return cookies.getCookieStore().get(URI.create(baseUrl)).stream()
                .filter(c -> SESSION_COOKIE.equals(c.getName()))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** Makes this client present the given session cookie, as a second browser tab or a load balancer would. */
    public void useSessionCookie(String value) {
        HttpCookie cookie = new HttpCookie(SESSION_COOKIE, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return sendFor(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> sendFor(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.uri(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

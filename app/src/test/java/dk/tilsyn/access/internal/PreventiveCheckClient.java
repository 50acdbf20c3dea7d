package dk.tilsyn.access.internal;

import dk.tilsyn.testsupport.ResponseText;
import dk.tilsyn.testsupport.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A machine client of the preventive-check API, and the administrator's page that issues its tokens. */
final class PreventiveCheckClient {

    static final String CHECK = "/api/v1/forebyggende-kontrol";
    private static final Pattern SECRET = Pattern.compile("<code id=\"issued-secret\"[^>]*>(tls_[A-Za-z0-9_-]+)</code>");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    PreventiveCheckClient(int port) {
        this.port = port;
    }

    /** An answer: status, content type and the parsed JSON body. */
    record Answer(int status, String contentType, JsonNode json, String raw) {
        String detail() {
            return json.get("detail").asString();
        }

        String field() {
            return json.has("field") ? json.get("field").asString() : null;
        }
    }

    /** Issues a token on the administration page as the signed-in administrator and reads the secret shown once. */
    static String issueToken(WebClient admin, String name) {
        HttpResponse<String> page = admin.submit("/administration/api-noegler", "/administration/api-noegler",
                Map.of("name", name, "expiresOn", ""));
        assertThat(page.statusCode()).as("issuing a token").isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).as("the page with the secret").hasValue("no-store");
        Matcher secret = SECRET.matcher(page.body());
        assertThat(secret.find()).as("the new token's secret on the page").isTrue();
        return secret.group(1);
    }

    Answer check(String token, String body) {
        return check(token, body, Map.of());
    }

    Answer check(String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + CHECK))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String raw = ResponseText.of(response.body());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") ? JSON.readTree(raw) : null;
            return new Answer(response.statusCode(), type, json, raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String grant(String person, String system, String entitlement, String type) {
        return "{\"person\": \"" + person + "\", \"system\": \"" + system + "\", \"entitlement\": \"" + entitlement
                + "\", \"entitlementType\": \"" + type + "\"}";
    }
}

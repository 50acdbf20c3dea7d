package dk.tilsyn.access.internal;

import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written OpenAPI description says what the code does: it is served without a token, its paths are the
 * API's routes, and its schemas name exactly the fields the request reader accepts and the answer records send.
 */
@TilsynIntegrationTest
class OpenApiDocumentIT {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theDescriptionIsServedPubliclyAndMatchesTheRoutesAndTheRecords() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + PreventiveCheckController.OPENAPI)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        JsonNode api = YAML.readTree(served.body());
        assertThat(api.get("openapi").asString()).startsWith("3.1.");

        assertThat(documentedOperations(api)).isEqualTo(apiRoutes());
        JsonNode responses = api.get("paths").get(PreventiveCheckController.PATH).get("post").get("responses");
        assertThat(names(responses)).containsExactlyInAnyOrder("200", "400", "401", "404", "409", "500");

        JsonNode schemas = api.get("components").get("schemas");
        JsonNode request = schemas.get("PreventiveCheckRequest");
        assertThat(names(request.get("properties"))).containsExactlyElementsOf(PreventiveCheckRequest.FIELDS);
        assertThat(texts(request.get("required"))).containsExactly("person", "system", "entitlement");
        assertThat(request.get("additionalProperties").asBoolean()).as("unknown fields are refused").isFalse();
        assertThat(texts(request.get("properties").get("entitlementType").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(EntitlementType.values()).map(EntitlementType::code).toList());
        assertThat(texts(schemas.get("Finding").get("properties").get("severity").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(Severity.values()).map(Severity::code).toList());

        assertDocuments(schemas.get("PreventiveCheckAnswer"), PreventiveCheckAnswer.class);
        assertDocuments(schemas.get("Snapshot"), PreventiveCheckAnswer.Snapshot.class);
        assertDocuments(schemas.get("Grant"), PreventiveCheckAnswer.Grant.class);
        assertDocuments(schemas.get("Finding"), PreventiveCheckAnswer.AddedFinding.class);
        assertDocuments(schemas.get("Account"), PreventiveCheckAnswer.AccountName.class);
        assertThat(names(schemas.get("Problem").get("properties"))).containsExactly("status", "title", "detail", "field");
    }

    /** Every component of the record is a documented, required property, and nothing else is documented. */
    private static void assertDocuments(JsonNode schema, Class<? extends Record> record) {
        List<String> components = Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(names(schema.get("properties"))).as(record.getSimpleName()).containsExactlyElementsOf(components);
        assertThat(texts(schema.get("required"))).as(record.getSimpleName()).containsExactlyElementsOf(components);
    }

    private Set<String> apiRoutes() {
        Set<String> routes = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api/"))
                        .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method ->
                                routes.add(method.name() + " " + pattern)))));
        return routes;
    }

    private static Set<String> documentedOperations(JsonNode api) {
        Set<String> operations = new TreeSet<>();
        api.get("paths").properties().forEach(path -> names(path.getValue())
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}

package dk.tilsyn.platform.tenancy;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.identity.InstitutionService;
import dk.tilsyn.platform.identity.NewUser;
import dk.tilsyn.platform.identity.UserService;
import dk.tilsyn.testsupport.ResponseText;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TestUsers.TestUser;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import dk.tilsyn.testsupport.WebClient.FilePart;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpSession;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every GET and POST route of the application as a user of institution B holding all six roles there, aimed
 * at the records of institution A, and proves none of A's records can be read or changed.
 *
 * <p>Routes come from Spring MVC at run time, so a new controller is walked without anyone editing this test; a
 * route whose path variable, request parameter or other request input this test has no fixture for fails it
 * ("add a fixture for …") instead of being skipped. Everything secret about A carries the marker {@link #secret};
 * what B may know or guess about A (ids, codes, usernames) never does, so B's requests can point at A without the
 * marker showing up merely as an echo of B's own input.
 *
 * <p>A POST naming one of A's records in its path must answer 403 or 404, never a redirect: any other answer
 * would at least tell B that the id exists (and a redirect means the handler ran with it).
 */
@TilsynIntegrationTest
class TenancyWalkIT {

    private static final String EXTRACT_HEADER = "account;entitlement\r\n";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    private static final String PERSONS_HEADER = "person_id;name;email;username;org_unit;manager_id;employment_end\r\n";
    private static final String UNITS_HEADER = "org_unit;name;parent\r\n";
    private static final String FILE_FIELD = "file:";
    /** Framework arguments a handler may take that carry no input from the request. */
    private static final List<Class<?>> NO_REQUEST_INPUT = List.of(Model.class, RedirectAttributes.class,
            HttpSession.class, ServletRequest.class, ServletResponse.class, Errors.class, Locale.class, Principal.class);

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dk.tilsyn.access.internal.RunService runService;
    @Autowired
    dk.tilsyn.access.internal.RuleSetPreviews ruleSetPreviews;
    @Autowired
    InstitutionService institutions;
    @Autowired
    UserService users;
    @Autowired
    ApplicationContext context;

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    /** In every secret of A: names, e-mail addresses, the institution's name, audit entries about them. */
    private final String secret = "AFORTROLIG" + run;

    @Test
    void everyTilsynHandlerHasExactlyOneAccessRule() {
        List<HandlerMethod> handlers = handlers();
        List<String> withoutRule = handlers.stream()
                .filter(handler -> AccessRules.of(handler).isEmpty())
                .map(HandlerMethod::toString)
                .toList();
        assertThat(handlers).as("handler methods of dk.tilsyn found in Spring MVC").hasSizeGreaterThan(5);
        assertThat(withoutRule).as("handlers without exactly one access annotation (of %d)", handlers.size()).isEmpty();
    }

    @Test
    void aUserOfInstitutionBCanNeitherReadNorChangeAnythingOfInstitutionA() {
        A a = institutionA();
        proveTheMarkerIsVisibleToA(a);
        Map<String, List<String>> before = snapshot(a);
        assertThat(before.get("person")).as("A's persons in the snapshot").hasSize(2);
        assertThat(before.get("org_unit")).as("A's units in the snapshot").hasSize(2);
        assertThat(before.get("audit_entry")).as("A's audit entries in the snapshot").hasSizeGreaterThan(5);
        assertThat(before.get("access_action")).as("A's action in the snapshot").hasSize(1);
        assertThat(before.get("run_account")).as("A's run's accounts in the snapshot").isNotEmpty();
        assertThat(before.get("api_token")).as("A's API token in the snapshot").hasSize(1);

        Institution b = testUsers.institution("walk-b");
        TestUser bUser = testUsers.user(b, Role.values());
        WebClient browser = new WebClient(port);
        assertThat(WebClient.locationPath(browser.login(bUser.username(), bUser.password()))).isEqualTo("/");

        Walk walk = new Walk(browser, a, issueToken(browser, "B-" + run));
        List<Route> routes = routes();
        List<Route> gets = routes.stream().filter(r -> r.method() == RequestMethod.GET).toList();
        List<Route> posts = routes.stream().filter(r -> r.method() == RequestMethod.POST).toList();
        gets.forEach(route -> walk.get(route, "before the POSTs"));
        posts.forEach(walk::post);
        // A POST may have pulled something of A into B's reach (a grant, a link): read everything again.
        gets.forEach(route -> walk.get(route, "after the POSTs"));

        int handlerCount = handlers().size();
        String summary = "walked %d routes (%d GET, %d POST; %d requests) of %d handler methods"
                .formatted(walk.routesWalked.size(), gets.size(), posts.size(), walk.requests, handlerCount);
        HttpResponse<String> dashboard = browser.get("/");
        Map<String, List<String>> after = snapshot(a);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(walk.problems).as(summary).isEmpty();
            softly.assertThat(walk.routesWalked).as(summary + ": every route walked").hasSize(routes.size());
            softly.assertThat(walk.routesWalked.size()).as(summary + ": nothing skipped").isGreaterThanOrEqualTo(handlerCount);
            softly.assertThat(dashboard.statusCode()).as("B's session after the walk").isEqualTo(200);
            softly.assertThat(ResponseText.unescapeHtml(dashboard.body())).as("B still works in B").contains(b.name())
                    .doesNotContainIgnoringCase(secret);
            softly.assertThat(after).as(summary + ": every row of A is unchanged").isEqualTo(before);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // The walk

    private final class Walk {
        final WebClient browser;
        /** B's own API token: the API's routes are walked as B's machine client would call them. */
        final String bToken;
        final A a;
        final List<String> problems = new ArrayList<>();
        final Set<String> routesWalked = new LinkedHashSet<>();
        int requests;

        Walk(WebClient browser, A a, String bToken) {
            this.browser = browser;
            this.bToken = bToken;
            this.a = a;
        }

        void get(Route route, String pass) {
            String path = expand(route);
            if (path == null) {
                return;
            }
            if (tokenOnly(route)) {
                problems.add(route + ": a GET route for API tokens; teach the walk to send it with B's token");
                return;
            }
            List<List<Map.Entry<String, String>>> variants = new ArrayList<>();
            variants.add(List.of());
            variants.addAll(parameterVariants(route));
            for (List<Map.Entry<String, String>> parameters : variants) {
                String url = path + query(parameters);
                for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("HX-Request", "true"))) {
                    String what = "GET " + url + (headers.isEmpty() ? "" : " (htmx)") + " " + pass;
                    HttpResponse<byte[]> response = browser.getBytes(url, headers);
                    requests++;
                    check(route, what, response.statusCode(), ResponseText.of(response.body()));
                    if (!route.hasPathVariables() && WebClient.isRedirect(response)) {
                        followed(what, response);
                    }
                }
            }
            routesWalked.add(route.toString());
        }

        void post(Route route) {
            String path = expand(route);
            if (path == null) {
                return;
            }
            if (tokenOnly(route)) {
                postWithToken(route, path);
                return;
            }
            for (List<Map.Entry<String, String>> parameters : parameterVariants(route)) {
                List<Map.Entry<String, String>> fields = new ArrayList<>();
                fields.add(Map.entry("_csrf", browser.csrfTokenFrom("/konto")));
                String fileField = null;
                String kind = "persons";
                for (Map.Entry<String, String> field : parameters) {
                    if (field.getKey().startsWith(FILE_FIELD)) {
                        fileField = field.getKey().substring(FILE_FIELD.length());
                        continue;
                    }
                    if (field.getKey().equals("kind")) {
                        kind = field.getValue();
                    }
                    fields.add(field);
                }
                HttpResponse<String> response = fileField == null
                        ? browser.postForm(path, fields)
                        : browser.postMultipart(path, fields,
                        new FilePart(fileField, "walk-" + run + ".csv", "text/csv", a.uploads().get(kind)));
                requests++;
                String what = "POST " + path + " " + fields.stream().filter(f -> !f.getKey().equals("_csrf")).toList()
                        + (fileField == null ? "" : " with a " + kind + " file");
                check(route, what, response.statusCode(), response.body());
                if (WebClient.isRedirect(response)) {
                    followed(what, response);
                }
            }
            routesWalked.add(route.toString());
        }

        /**
         * An API route: sent with B's token and a body aimed at A's records (A's person, system and entitlement);
         * then with B's session and no token, which the API must refuse (401) — a session is no token.
         */
        private void postWithToken(Route route, String path) {
            String body = null;
            for (MethodParameter parameter : route.handler().getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = a.requestBodies().get(route.pattern());
                    if (body == null) {
                        problems.add(route + ": add a fixture for its request body (JSON aimed at institution A)");
                        return;
                    }
                }
            }
            String what = "POST " + path + " with B's API token " + body;
            HttpResponse<String> answer = apiPost(path, bToken, body == null ? "" : body);
            requests++;
            check(route, what, answer.statusCode(), answer.body());
            HttpResponse<String> withSession = browser.postForm(path, List.of(Map.entry("_csrf", browser.csrfTokenFrom("/konto"))));
            requests++;
            if (withSession.statusCode() != 401) {
                problems.add("POST " + path + " with B's session and no token answered " + withSession.statusCode()
                        + " (expected 401)");
            }
            check(route, "POST " + path + " with B's session", withSession.statusCode(), withSession.body());
            routesWalked.add(route.toString());
        }

        private HttpResponse<String> apiPost(String path, String token, String body) {
            try {
                return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                URI.create(browser.baseUrl() + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private boolean tokenOnly(Route route) {
            return AccessRules.of(route.handler()).orElse(null) instanceof AccessRules.ApiToken;
        }

        /** With a path variable the route names one of A's records: only "forbidden" or "not found" will do. */
        private void check(Route route, String what, int status, String body) {
            // A server error hides what the handler would have shown; every route must answer B properly.
            if (status >= 500) {
                problems.add(what + " answered " + status + " (a server error)");
            }
            if (route.hasPathVariables() && status != 403 && status != 404) {
                problems.add(what + " answered " + status + " for a record of institution A (expected 403 or 404)");
            }
            if (showsSecret(body)) {
                problems.add(what + " answered " + status + " showing A's data: …" + around(body) + "…");
            }
        }

        /** Where a redirect leads, B reads it next: that page must not show A's data either. */
        private void followed(String what, HttpResponse<?> response) {
            URI target = response.uri().resolve(WebClient.location(response));
            if (!target.getRawAuthority().equals(URI.create(browser.baseUrl()).getRawAuthority())) {
                return;
            }
            String next = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            HttpResponse<byte[]> page = browser.getBytes(next, Map.of());
            requests++;
            String body = ResponseText.of(page.body());
            if (page.statusCode() >= 500) {
                problems.add(what + " redirected to " + next + ", which answered " + page.statusCode() + " (a server error)");
            }
            if (showsSecret(body)) {
                problems.add(what + " redirected to " + next + " (" + page.statusCode() + ") showing A's data: …"
                        + around(body) + "…");
            }
        }

        private boolean showsSecret(String body) {
            return body.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT));
        }

        private String around(String body) {
            int at = body.toLowerCase(Locale.ROOT).indexOf(secret.toLowerCase(Locale.ROOT));
            return body.substring(Math.max(0, at - 150), Math.min(body.length(), at + secret.length() + 60))
                    .replaceAll("\\s+", " ");
        }

        private String expand(Route route) {
            Matcher matcher = PATH_VARIABLE.matcher(route.pattern());
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String value = a.pathVariables().get(matcher.group(1));
                if (value == null) {
                    problems.add(route + ": add a fixture for path variable {" + matcher.group(1)
                            + "} (the id of one of institution A's records)");
                    return null;
                }
                matcher.appendReplacement(path, value);
            }
            matcher.appendTail(path);
            return path.toString();
        }

        /**
         * One request per value of the parameter with the most values (e.g. both export formats); every request
         * parameter the handler reads gets a value pointing at A. A file field is an entry named {@code file:<field>}.
         */
        private List<List<Map.Entry<String, String>>> parameterVariants(Route route) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            Set<String> repeated = new LinkedHashSet<>();
            for (MethodParameter parameter : route.handler().getMethodParameters()) {
                RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
                if (requestParam == null) {
                    if (!parameter.hasParameterAnnotation(PathVariable.class)
                            && !parameter.hasParameterAnnotation(RequestHeader.class)
                            && !(parameter.hasParameterAnnotation(RequestBody.class) && tokenOnly(route))
                            && NO_REQUEST_INPUT.stream().noneMatch(t -> t.isAssignableFrom(parameter.getParameterType()))) {
                        problems.add(route + ": add a fixture for handler argument "
                                + parameter.getParameterType().getSimpleName() + " " + parameter.getParameter().getName()
                                + " (request input this walk does not send)");
                    }
                    continue;
                }
                String name = !requestParam.name().isEmpty() ? requestParam.name()
                        : !requestParam.value().isEmpty() ? requestParam.value() : parameter.getParameter().getName();
                if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())
                        || MultipartFile.class.equals(parameter.nested().getNestedParameterType())) {
                    // A file, or several under one name (List<MultipartFile>): the walk sends one file.
                    values.put(FILE_FIELD + name, List.of(""));
                    continue;
                }
                List<String> known = a.requestParameters().get(name);
                if (known == null) {
                    problems.add(route + ": add a fixture for request parameter \"" + name
                            + "\" (a value pointing at institution A)");
                    continue;
                }
                values.put(name, known);
                if (java.util.Collection.class.isAssignableFrom(parameter.getParameterType())
                        || parameter.getParameterType().isArray()) {
                    repeated.add(name);
                }
            }
            int count = values.entrySet().stream()
                    .filter(e -> !repeated.contains(e.getKey()))
                    .mapToInt(e -> e.getValue().size()).max().orElse(1);
            List<List<Map.Entry<String, String>>> variants = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<Map.Entry<String, String>> variant = new ArrayList<>();
                for (Map.Entry<String, List<String>> entry : values.entrySet()) {
                    List<String> options = entry.getValue();
                    if (repeated.contains(entry.getKey())) {
                        options.forEach(option -> variant.add(Map.entry(entry.getKey(), option)));
                    } else {
                        variant.add(Map.entry(entry.getKey(), options.get(Math.min(i, options.size() - 1))));
                    }
                }
                variants.add(variant);
            }
            return variants;
        }

        private String query(List<Map.Entry<String, String>> parameters) {
            String query = parameters.stream()
                    .filter(p -> !p.getKey().startsWith(FILE_FIELD))
                    .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return query.isEmpty() ? "" : "?" + query;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Routes

    /** One HTTP method on one path pattern of a Tilsyn handler. */
    record Route(HandlerMethod handler, RequestMethod method, String pattern) {
        boolean hasPathVariables() {
            return PATH_VARIABLE.matcher(pattern).find();
        }

        @Override
        public String toString() {
            return method + " " + pattern + " (" + handler.getBeanType().getSimpleName() + "."
                    + handler.getMethod().getName() + ")";
        }
    }

    private List<HandlerMethod> handlers() {
        return mappings().values().stream().map(HandlerMethod::getMethod).distinct()
                .map(method -> mappings().values().stream().filter(h -> h.getMethod().equals(method)).findFirst().orElseThrow())
                .toList();
    }

    private Map<RequestMappingInfo, HandlerMethod> mappings() {
        Map<RequestMappingInfo, HandlerMethod> all = new LinkedHashMap<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType().getPackageName().startsWith("dk.tilsyn")) {
                        all.put(info, handler);
                    }
                }));
        return all;
    }

    /** Every (method, pattern) of Tilsyn's handlers; a handler open to any method is walked with GET and POST. */
    private List<Route> routes() {
        Set<Route> routes = new LinkedHashSet<>();
        mappings().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                methods = Set.of(RequestMethod.GET, RequestMethod.POST);
            }
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    routes.add(new Route(handler, method, pattern));
                }
            }
        });
        List<Route> unsupported = routes.stream()
                .filter(r -> r.method() != RequestMethod.GET && r.method() != RequestMethod.POST)
                .toList();
        assertThat(unsupported).as("routes with HTTP methods this walk does not send yet: teach it").isEmpty();
        return routes.stream().sorted(Comparator.comparing(Route::toString)).toList();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Institution A

    /** Institution A and everything B might point at; all of A's secrets contain {@link #secret}. */
    private record A(Institution institution, AppUser admin, long personId, long orgUnitId, long systemId, long evidenceId,
                     long runId,
                     Map<String, String> pathVariables, Map<String, List<String>> requestParameters,
                     Map<String, byte[]> uploads, Map<String, String> requestBodies) {
    }

    private A institutionA() {
        Institution institution = institutions.create("A-" + run, secret + " Styrelse");
        AppUser admin = users.create(new NewUser("a-admin-" + run.toLowerCase(Locale.ROOT), secret + " Administrator",
                secret.toLowerCase(Locale.ROOT) + "@a.example.invalid", false, false), TestUsers.PASSWORD, institution.id());
        for (Role role : List.of(Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR, Role.AUDITOR)) {
            users.grant(admin.id(), institution.id(), role, null);
        }
        WebClient aBrowser = new WebClient(port);
        assertThat(WebClient.locationPath(aBrowser.login(admin.username(), TestUsers.PASSWORD))).isEqualTo("/");
        String unit = "AU-" + run;
        String subUnit = "AU-" + run + "-2";
        importAs(aBrowser, "org_units", UNITS_HEADER + unit + ";" + secret + " Hovedkontor;\r\n"
                + subUnit + ";" + secret + " Afdeling;" + unit + "\r\n");
        String persons = PERSONS_HEADER
                + "AP-" + run + "-1;" + secret + " Person Et;" + secret + "-1@a.example.invalid;APU-" + run + "-1;"
                + unit + ";;\r\n"
                + "AP-" + run + "-2;" + secret + " Person To;" + secret + "-2@a.example.invalid;APU-" + run + "-2;"
                + subUnit + ";AP-" + run + "-1;31-12-2030\r\n";
        importAs(aBrowser, "persons", persons);
        importAs(aBrowser, "persons", persons.replace(" Person To;", " Person To Ændret;"));

        long personId = jdbc.sql("select id from person where institution_id = ? and person_key = ?")
                .params(institution.id(), "AP-" + run + "-2").query(Long.class).single();
        long orgUnitId = jdbc.sql("select id from org_unit where institution_id = ? and code = ?")
                .params(institution.id(), subUnit).query(Long.class).single();
        HttpResponse<String> added = aBrowser.postForm("/systemer", List.of(
                Map.entry("_csrf", aBrowser.csrfTokenFrom("/systemer")), Map.entry("key", "rejsud"),
                Map.entry("name", secret + " RejsUd"), Map.entry("profile", "")));
        assertThat(added.statusCode()).as("A's own system").isEqualTo(302);
        long systemId = jdbc.sql("select id from it_system where institution_id = ? and system_key = 'rejsud'")
                .param(institution.id()).query(Long.class).single();
        HttpResponse<String> uploaded = aBrowser.postMultipart("/systemer/" + systemId + "/udtraek",
                List.of(Map.entry("_csrf", aBrowser.csrfTokenFrom("/systemer/" + systemId + "/udtraek")),
                        Map.entry("kind", "EXTRACT"), Map.entry("asOf", LocalDate.now().toString())),
                new FilePart("file", secret + "-rejsud.csv", "text/csv", csv(EXTRACT_HEADER + "a-" + run + ";Godkender\r\n")));
        assertThat(uploaded.statusCode()).as("A's own extract upload").isEqualTo(200);
        long evidenceId = jdbc.sql("select id from evidence_file where institution_id = ? and system_id = ?")
                .params(institution.id(), systemId).query(Long.class).single();
        // A refused upload of A: its status page lists problems quoting A's secret values.
        HttpResponse<String> refused = aBrowser.postMultipart("/systemer/" + systemId + "/udtraek",
                List.of(Map.entry("_csrf", aBrowser.csrfTokenFrom("/systemer/" + systemId + "/udtraek")),
                        Map.entry("kind", "EXTRACT"), Map.entry("asOf", LocalDate.now().toString())),
                new FilePart("file", secret + "-fejl.csv", "text/csv",
                        csv("account;valid_to\r\na-" + run + ";" + secret + "\r\n")));
        assertThat(ResponseText.unescapeHtml(refused.body())).as("A's own refused upload").contains("er afvist");
        long uploadId = jdbc.sql("select id from extract_upload where institution_id = ? and status = 'REFUSED'")
                .param(institution.id()).query(Long.class).single();
        String extracts = "/systemer/" + systemId + "/udtraek";
        aBrowser.postForm(extracts + "/" + evidenceId + "/godkend",
                List.of(Map.entry("_csrf", aBrowser.csrfTokenFrom(extracts + "/" + evidenceId))));
        HttpResponse<String> started = aBrowser.postForm("/analyser", List.of(
                Map.entry("_csrf", aBrowser.csrfTokenFrom("/analyser")), Map.entry("asOf", LocalDate.now().toString())));
        long runId = Long.parseLong(WebClient.locationPath(started).substring("/analyser/".length()));
        try {
            runService.completion(runId).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("A's analysis run did not finish", e);
        }

        // A's administrator answers for A's system and rejects a finding: a decision, an action and a notice of A.
        aBrowser.postForm("/ansvar", List.of(Map.entry("_csrf", aBrowser.csrfTokenFrom("/ansvar")),
                Map.entry("user", Long.toString(admin.id())), Map.entry("scope", "system:" + systemId)));
        long responsibilityId = jdbc.sql("select id from responsibility where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        long findingId = jdbc.sql("select min(id) from finding where run_id = ?").param(runId).query(Long.class).single();
        String findingPath = "/analyser/" + runId + "/fund/" + findingId;
        aBrowser.postForm(findingPath + "/afvis", List.of(Map.entry("_csrf", aBrowser.csrfTokenFrom(findingPath)),
                Map.entry("reason", secret + " begrundelse"), Map.entry("action", secret + " fjern adgangen"),
                Map.entry("owner", Long.toString(admin.id())), Map.entry("deadline", LocalDate.now().plusDays(7).toString())));
        long actionId = jdbc.sql("select id from access_action where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        // A's own rule-set layer, whose title carries the marker.
        aBrowser.postForm("/regelsaet/lag", List.of(Map.entry("_csrf", aBrowser.csrfTokenFrom("/regelsaet/lag")),
                Map.entry("yaml", "id: a-lag\nversion: \"1\"\ntitle: " + secret + " lag\nextends: oes-udbetalingsproces\n")));
        assertThat(jdbc.sql("select count(*) from rule_set_layer where institution_id = ?").param(institution.id())
                .query(Long.class).single()).as("A's rule-set layer").isEqualTo(1);
        long layerId = jdbc.sql("select id from rule_set_layer where institution_id = ?").param(institution.id())
                .query(Long.class).single();
        // A's draft of a newer layer, previewed (its impact computed in the background): the draft carries the marker.
        HttpResponse<String> previewed = aBrowser.postForm("/regelsaet/lag/forhaandsvisning", List.of(
                Map.entry("_csrf", aBrowser.csrfTokenFrom("/regelsaet/lag")),
                Map.entry("yaml", "id: a-udkast\nversion: \"2\"\ntitle: " + secret + " udkast\nextends: oes-udbetalingsproces\n")));
        String previewPath = WebClient.locationPath(previewed);
        long previewId = Long.parseLong(previewPath.substring(previewPath.lastIndexOf('/') + 1));
        try {
            ruleSetPreviews.completion(previewId).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("A's rule-set preview did not finish", e);
        }
        assertThat(jdbc.sql("select status from rule_set_preview where id = ?").param(previewId).query(String.class)
                .single()).as("A's rule-set preview").isEqualTo("DONE");
        String draftSha256 = jdbc.sql("select draft_sha256 from rule_set_preview where id = ?").param(previewId)
                .query(String.class).single();
        // A's API token for A's IGA.
        issueToken(aBrowser, secret + " IGA");
        long tokenId = jdbc.sql("select id from api_token where institution_id = ?").param(institution.id())
                .query(Long.class).single();

        Map<String, String> pathVariables = Map.ofEntries(
                Map.entry("personId", Long.toString(personId)),
                Map.entry("orgUnitId", Long.toString(orgUnitId)),
                Map.entry("userId", Long.toString(admin.id())),
                Map.entry("systemId", Long.toString(systemId)),
                Map.entry("evidenceId", Long.toString(evidenceId)),
                Map.entry("uploadId", Long.toString(uploadId)),
                Map.entry("runId", Long.toString(runId)),
                Map.entry("findingId", Long.toString(findingId)),
                Map.entry("actionId", Long.toString(actionId)),
                Map.entry("responsibilityId", Long.toString(responsibilityId)),
                Map.entry("personKey", "AP-" + run + "-2"),
                Map.entry("layerId", Long.toString(layerId)),
                Map.entry("previewId", Long.toString(previewId)),
                Map.entry("tokenId", Long.toString(tokenId)));
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        // Search and filters: aimed at A's rows without spelling the secret itself (B's input is echoed back).
        parameters.put("q", List.of(secret.substring(1).toLowerCase(Locale.ROOT)));
        parameters.put("unit", List.of(Long.toString(orgUnitId)));
        parameters.put("status", List.of("all"));
        parameters.put("sort", List.of("name"));
        parameters.put("desc", List.of("false"));
        parameters.put("page", List.of("1"));
        parameters.put("from", List.of(LocalDate.now().minusDays(1).toString()));
        parameters.put("to", List.of(LocalDate.now().plusDays(1).toString()));
        parameters.put("actor", List.of(admin.username()));
        parameters.put("action", List.of("UPDATE"));
        parameters.put("type", List.of("person"));
        parameters.put("logins", List.of("true"));
        parameters.put("format", List.of("csv", "xlsx"));
        // Import: both kinds, each file pointing at A's persons and units by their keys.
        parameters.put("kind", List.of("persons", "org_units", "EXTRACT"));
        parameters.put("asOf", List.of(LocalDate.now().toString()));
        parameters.put("severity", List.of("high"));
        parameters.put("rule", List.of("correlation.orphan-account"));
        parameters.put("system", List.of("rejsud"));
        parameters.put("med", List.of(Long.toString(runId)));
        // Positions on findings: aimed at A's administrator and A's unit.
        parameters.put("control", List.of("Overtaget " + run));
        parameters.put("function", List.of("RejsUd: Godkender"));
        parameters.put("expiresOn", List.of(LocalDate.now().plusMonths(6).toString()));
        parameters.put("reason", List.of("Overtaget " + run));
        parameters.put("owner", List.of(Long.toString(admin.id())));
        parameters.put("deadline", List.of(LocalDate.now().plusDays(7).toString()));
        parameters.put("approvedBy", List.of("Overtaget " + run));
        parameters.put("approvedOn", List.of(LocalDate.now().toString()));
        parameters.put("validUntil", List.of(LocalDate.now().plusMonths(6).toString()));
        parameters.put("note", List.of("Overtaget " + run));
        parameters.put("user", List.of(Long.toString(admin.id())));
        parameters.put("scope", List.of("unit:" + orgUnitId, "system:" + systemId));
        parameters.put("all", List.of("true"));
        parameters.put("konflikter", List.of("false"));
        parameters.put("standard", List.of("false"));
        // Starting a run on A's files, or reconciling against one of them.
        parameters.put("evidence", List.of(Long.toString(evidenceId)));
        parameters.put("reconcileWith", List.of(Long.toString(evidenceId)));
        parameters.put("entitlements", List.of("Godkender"));
        parameters.put("confirm", List.of("true"));
        parameters.put("yaml", List.of("id: overtaget\nversion: \"" + run + "\"\nextends: oes-udbetalingsproces\n"));
        parameters.put("comment", List.of("Overtaget " + run));
        parameters.put("draft", List.of(draftSha256));
        // Systems: A's system id, and a profile.
        parameters.put("key", List.of("rejsud"));
        parameters.put("profile", List.of("rejsud-gruppemedlemskab"));
        // An upload's status as one of several blocks on A's extracts page, and as its own page.
        parameters.put("inline", List.of("true", "false"));
        // Institutions, users, roles and the switcher: aimed at A's institution and A's administrator.
        parameters.put("institutionId", List.of(Long.toString(institution.id())));
        parameters.put("code", List.of("A-" + run));
        parameters.put("name", List.of("Overtaget " + run));
        parameters.put("adminUsername", List.of(admin.username()));
        parameters.put("adminName", List.of("Overtaget " + run));
        parameters.put("username", List.of(admin.username()));
        parameters.put("displayName", List.of("Overtaget " + run));
        parameters.put("email", List.of("overtaget-" + run + "@b.example.invalid"));
        parameters.put("login", List.of("local"));
        parameters.put("role", Arrays.stream(Role.values()).map(Role::name).toList());
        parameters.put("enabled", List.of("false"));
        // B's own password form; a wrong current password keeps B's account as it is.
        parameters.put("current", List.of("Ikke-Det-Rigtige-Kodeord-1"));
        parameters.put("password", List.of("Et-Nyt-Kodeord-Til-B-42"));
        parameters.put("repeat", List.of("Et-Nyt-Kodeord-Til-B-42"));

        Map<String, byte[]> uploads = Map.of(
                "EXTRACT", csv(EXTRACT_HEADER + "a-" + run + ";Overtaget " + run + "\r\n"),
                "persons", csv(PERSONS_HEADER + "AP-" + run + "-1;Overtaget " + run + ";;;" + unit + ";AP-" + run + "-2;\r\n"),
                "org_units", csv(UNITS_HEADER + "BU-" + run + ";Overtaget " + run + ";" + subUnit + "\r\n"));
        // The preventive-check API, asked by B's token about A's person, system and entitlement.
        Map<String, String> requestBodies = Map.of("/api/v1/forebyggende-kontrol", "{\"person\": \"AP-" + run
                + "-2\", \"system\": \"rejsud\", \"entitlement\": \"Godkender\", \"account\": \"a-" + run + "\"}");
        return new A(institution, admin, personId, orgUnitId, systemId, evidenceId, runId, pathVariables, parameters, uploads,
                requestBodies);
    }

    /** Issues an API token on the administration page and returns its secret, shown once. */
    private static String issueToken(WebClient browser, String name) {
        HttpResponse<String> page = browser.postForm("/administration/api-noegler", List.of(
                Map.entry("_csrf", browser.csrfTokenFrom("/administration/api-noegler")), Map.entry("name", name)));
        assertThat(page.statusCode()).as("issuing an API token").isEqualTo(200);
        Matcher secret = Pattern.compile("<code id=\"issued-secret\"[^>]*>(tls_[A-Za-z0-9_-]+)</code>").matcher(page.body());
        assertThat(secret.find()).as("the token's secret on the page").isTrue();
        return secret.group(1);
    }

    private void importAs(WebClient browser, String kind, String content) {
        HttpResponse<String> answer = browser.postMultipart("/organisation/import",
                List.of(Map.entry("_csrf", browser.csrfTokenFrom("/organisation/import")), Map.entry("kind", kind)),
                new FilePart("file", kind + ".csv", "text/csv", csv(content)));
        assertThat(answer.statusCode()).as("A's own %s import", kind).isEqualTo(200);
        assertThat(ResponseText.unescapeHtml(answer.body())).as("A's own %s import", kind).contains("er indlæst");
    }

    private static byte[] csv(String content) {
        byte[] text = content.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        return withBom;
    }

    /** The walk's detector works: A's own administrator sees the secret on the very pages B is refused. */
    private void proveTheMarkerIsVisibleToA(A a) {
        WebClient aBrowser = new WebClient(port);
        aBrowser.login(a.admin().username(), TestUsers.PASSWORD);
        for (String path : List.of("/organisation/personer/" + a.personId(), "/organisation/enheder/" + a.orgUnitId(),
                "/administration/brugere/" + a.admin().id(), "/organisation/personer?q=" + secret.substring(1),
                "/systemer", "/systemer/" + a.systemId(), "/systemer/" + a.systemId() + "/udtraek",
                "/systemer/" + a.systemId() + "/udtraek/" + a.evidenceId(),
                "/systemer/" + a.systemId() + "/udtraek/indlaesninger/" + a.pathVariables().get("uploadId"),
                "/analyser/" + a.runId(),
                "/regelsaet/lag/forhaandsvisninger/" + a.pathVariables().get("previewId"),
                "/revisionsspor?type=person", "/revisionsspor/eksport?format=xlsx", "/administration/api-noegler")) {
            HttpResponse<byte[]> page = aBrowser.getBytes(path, Map.of());
            assertThat(page.statusCode()).as("A's administrator on %s", path).isEqualTo(200);
            assertThat(ResponseText.of(page.body())).as("A's administrator on %s", path).containsIgnoringCase(secret);
        }
    }

    /** Every row that belongs to A, as text, table by table. */
    private Map<String, List<String>> snapshot(A a) {
        long id = a.institution().id();
        String chain = "institution:" + id;
        Map<String, List<String>> rows = new LinkedHashMap<>();
        rows.put("institution", rows("select * from institution where id = ?", id));
        rows.put("person", rows("select * from person where institution_id = ? order by id", id));
        rows.put("org_unit", rows("select * from org_unit where institution_id = ? order by id", id));
        rows.put("it_system", rows("select * from it_system where institution_id = ? order by id", id));
        rows.put("evidence_file", rows("select * from evidence_file where institution_id = ? order by id", id));
        rows.put("extract_upload", rows("select * from extract_upload where institution_id = ? order by id", id));
        rows.put("extract_upload_problem", rows("select * from extract_upload_problem where institution_id = ? order by upload_id, position", id));
        rows.put("analysis_run", rows("select * from analysis_run where institution_id = ? order by id", id));
        rows.put("finding", rows("select * from finding where institution_id = ? order by id", id));
        rows.put("finding_decision", rows("select * from finding_decision where institution_id = ? order by id", id));
        rows.put("access_action", rows("select * from access_action where institution_id = ? order by id", id));
        rows.put("responsibility", rows("select * from responsibility where institution_id = ? order by id", id));
        rows.put("notice", rows("select * from notice where institution_id = ? order by id", id));
        rows.put("privileged_documentation", rows("select * from privileged_documentation where institution_id = ? order by id", id));
        rows.put("run_subject", rows("select * from run_subject where institution_id = ? order by id", id));
        rows.put("rule_set_layer", rows("select * from rule_set_layer where institution_id = ? order by id", id));
        rows.put("rule_set_preview", rows("select * from rule_set_preview where institution_id = ? order by id", id));
        rows.put("rule_set_preview_finding", rows(
                "select * from rule_set_preview_finding where institution_id = ? order by preview_id, position", id));
        rows.put("run_account", rows("select * from run_account where institution_id = ? order by system_key, account", id));
        rows.put("user_role", rows("select * from user_role where institution_id = ? order by user_id, role", id));
        rows.put("user_role of A's users, anywhere", rows("""
                select * from user_role where user_id in (select user_id from user_role where institution_id = ?)
                order by user_id, institution_id, role""", id));
        rows.put("app_user", rows("""
                select * from app_user where id in (select user_id from user_role where institution_id = ?)
                order by id""", id));
        rows.put("api_token", rows("select * from api_token where institution_id = ? order by id", id));
        rows.put("audit_entry", rows("select * from audit_entry where chain = ? order by seq", chain));
        rows.put("audit_chain_head", rows("select * from audit_chain_head where chain = ?", chain));
        return rows;
    }

    private List<String> rows(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query((rs, n) -> {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                row.append(c == 1 ? "" : ", ").append(meta.getColumnLabel(c).toLowerCase(Locale.ROOT)).append('=')
                        .append(rs.getString(c));
            }
            return row.toString();
        }).list();
    }
}

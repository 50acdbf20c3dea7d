package dk.tilsyn.engine.profiles;

import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.EntitlementType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads and validates import profiles (YAML). Every problem is collected and reported at once, each naming the key,
 * so a controller adjusting a profile fixes it in one go. Profiles shipped with Tilsyn live on the class path under
 * {@code profiles/}.
 */
public final class ProfileLoader {

    /** The profiles shipped with the engine, by id. */
    public static final List<String> SHIPPED = List.of("rejsud-gruppemedlemskab", "rejsud-beloebsgraense",
            "indfak-gruppemedlemskab", "indfak-beloebsgraense", "navision-brugere-pr-rettighedssaet",
            "navision-bank-prokuraopsaetning", "district-brugeroversigt-fuldmagter",
            "district-brugeroversigt-rettigheder", "sap-agr-users", "iga-omada");

    private static final Set<String> KEYS = Set.of("id", "title", "kind", "sheet", "columns", "values", "constants",
            "note");

    private final YAMLMapper yaml = new YAMLMapper();

    /** @throws ProfileException listing every problem */
    public ImportProfile load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ImportProfile load(InputStream in, String fileName) {
        JsonNode root;
        try {
            root = yaml.readTree(in);
        } catch (JacksonException e) {
            throw new ProfileException(fileName, List.of("filen er ikke gyldig YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (linje " + e.getLocation().getLineNr() + ")")));
        }
        return new Validation(fileName).profile(root);
    }

    /** A profile shipped with Tilsyn, e.g. {@code sap-agr-users}. */
    public ImportProfile shipped(String id) {
        String resource = "/profiles/" + id + ".yaml";
        try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped profile " + id + "; shipped: " + SHIPPED);
            }
            return load(in, id + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks one parsed profile, gathering problems instead of stopping at the first. */
    private static final class Validation {

        private final String file;
        private final List<String> problems = new ArrayList<>();

        Validation(String file) {
            this.file = file;
        }

        ImportProfile profile(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw new ProfileException(file, List.of("filen skal indeholde nøgler som id, title, kind, columns."));
            }
            root.propertyNames().stream().filter(k -> !KEYS.contains(k)).sorted().forEach(k -> problems.add(
                    "ukendt nøgle \"" + k + "\" (tilladt: " + String.join(", ", KEYS.stream().sorted().toList()) + ")."));
            String id = text(root, "id", true);
            String title = text(root, "title", true);
            String note = text(root, "note", true);
            String sheet = text(root, "sheet", false);
            ProfileKind kind = kind(text(root, "kind", true));
            Map<String, List<String>> columns = kind == null ? Map.of() : columns(root.get("columns"), kind);
            Map<String, Map<String, String>> values = kind == null ? Map.of() : values(root.get("values"), kind);
            Map<String, String> constants = kind == null ? Map.of() : constants(root.get("constants"), kind);
            constants.keySet().stream().filter(columns::containsKey).sorted().forEach(c -> problems.add(
                    "kolonnen \"" + c + "\" står både under columns og constants; brug den ene."));
            if (!problems.isEmpty()) {
                throw new ProfileException(file, problems);
            }
            return new ImportProfile(id, title, kind, sheet, columns, values, constants, note);
        }

        private String text(JsonNode root, String key, boolean required) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
                if (required) {
                    problems.add("nøglen \"" + key + "\" mangler eller er tom.");
                }
                return null;
            }
            if (!node.isValueNode()) {
                problems.add("nøglen \"" + key + "\" skal være en tekst.");
                return null;
            }
            return node.asString().strip();
        }

        private ProfileKind kind(String code) {
            if (code == null) {
                return null;
            }
            for (ProfileKind kind : ProfileKind.values()) {
                if (kind.code().equals(code)) {
                    return kind;
                }
            }
            problems.add("kind \"" + code + "\" er ukendt (tilladt: extract, changelog).");
            return null;
        }

        private boolean canonical(String section, String column, ProfileKind kind) {
            if (kind.columnNames().contains(column)) {
                return true;
            }
            problems.add(section + ": \"" + column + "\" er ikke en kanonisk kolonne for " + kind.code()
                    + " (tilladt: " + String.join(", ", kind.columnNames()) + ").");
            return false;
        }

        private Map<String, List<String>> columns(JsonNode node, ProfileKind kind) {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : entries("columns", node)) {
                if (!canonical("columns", entry.getKey(), kind)) {
                    continue;
                }
                List<String> names = headerNames(entry.getValue());
                if (names.isEmpty()) {
                    problems.add("columns: \"" + entry.getKey()
                            + "\" skal være et kolonnenavn eller en liste af kolonnenavne.");
                } else {
                    columns.put(entry.getKey(), names);
                }
            }
            return columns;
        }

        private static List<String> headerNames(JsonNode value) {
            List<String> names = new ArrayList<>();
            if (value.isValueNode() && !value.isNull()) {
                names.add(value.asString().strip());
            } else if (value.isArray()) {
                value.values().forEach(v -> names.add(v.isValueNode() && !v.isNull() ? v.asString().strip() : ""));
            }
            return names.contains("") ? List.of() : names;
        }

        private Map<String, Map<String, String>> values(JsonNode node, ProfileKind kind) {
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : entries("values", node)) {
                String column = entry.getKey();
                if (!canonical("values", column, kind)) {
                    continue;
                }
                Map<String, String> codes = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> code : entries("values." + column, entry.getValue())) {
                    String target = code.getValue().isValueNode() ? code.getValue().asString().strip() : "";
                    if (checkCode("values." + column + "." + code.getKey(), column, target, kind)) {
                        codes.put(code.getKey(), target);
                    }
                }
                values.put(column, codes);
            }
            return values;
        }

        private Map<String, String> constants(JsonNode node, ProfileKind kind) {
            Map<String, String> constants = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : entries("constants", node)) {
                String column = entry.getKey();
                String value = entry.getValue().isValueNode() ? entry.getValue().asString().strip() : "";
                if (canonical("constants", column, kind) && checkCode("constants." + column, column, value, kind)) {
                    constants.put(column, value);
                }
            }
            return constants;
        }

        /** Coded columns must map to a canonical code; others only to some text. */
        private boolean checkCode(String key, String column, String value, ProfileKind kind) {
            List<String> allowed = !kind.coded(column) ? null : switch (column) {
                case "account_type" -> java.util.Arrays.stream(AccountType.values()).map(AccountType::code).toList();
                case "status" -> List.of("active", "inactive");
                default -> java.util.Arrays.stream(EntitlementType.values()).map(EntitlementType::code).toList();
            };
            if (value.isEmpty() || (allowed != null && !allowed.contains(value))) {
                problems.add(key + ": \"" + value + "\" er ikke en gyldig værdi"
                        + (allowed == null ? "." : " (tilladt: " + String.join(", ", allowed) + ")."));
                return false;
            }
            return true;
        }

        private List<Map.Entry<String, JsonNode>> entries(String key, JsonNode node) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isObject()) {
                problems.add("\"" + key + "\" skal være en tabel af nøgler og værdier.");
                return List.of();
            }
            return new ArrayList<>(node.properties());
        }
    }
}

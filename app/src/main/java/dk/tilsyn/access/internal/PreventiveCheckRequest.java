package dk.tilsyn.access.internal;

import dk.tilsyn.engine.access.EntitlementType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a preventive check, read strictly: every field is checked and the first problem is answered with
 * the field's name and what was expected, in Danish — an integrator should never have to guess.
 *
 * @param entitlementType as in an extract's {@code entitlement_type}; {@code role} when not given
 * @param amount          the amount limit (a prokura's or a mandate's), or null
 * @param account         the account in the system that gets the grant, or null to let Tilsyn find it
 */
record PreventiveCheckRequest(String person, String system, String entitlement, EntitlementType entitlementType,
                              BigDecimal amount, String account) {

    /** The fields of the body, in the order the documentation lists them. */
    static final List<String> FIELDS = List.of("person", "system", "entitlement", "entitlementType", "amount", "account");
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static PreventiveCheckRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiFailure.badRequest(null, "api.body.empty");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw ApiFailure.badRequest(null, "api.body.tooLarge", MAX_BODY_BYTES);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw ApiFailure.badRequest(null, "api.body.syntax", e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr(), e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiFailure.badRequest(null, "api.body.notObject");
        }
        for (String name : root.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw ApiFailure.badRequest(name, "api.field.unknown", name, String.join(", ", FIELDS));
            }
        }
        Map<String, JsonNode> fields = new java.util.HashMap<>();
        root.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        String person = text(fields, "person", 100, true);
        String system = text(fields, "system", 100, true);
        String entitlement = text(fields, "entitlement", 200, true);
        String typeCode = text(fields, "entitlementType", 40, false);
        EntitlementType type = typeCode == null ? EntitlementType.ROLE : EntitlementType.fromCode(typeCode)
                .orElseThrow(() -> ApiFailure.badRequest("entitlementType", "api.field.entitlementType", typeCode));
        return new PreventiveCheckRequest(person, system, entitlement, type, amount(fields), text(fields, "account", 200, false));
    }

    private static String text(Map<String, JsonNode> fields, String name, int maxLength, boolean required) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiFailure.badRequest(name, "api.field.missing", name, example(name));
            }
            return null;
        }
        if (!node.isString()) {
            throw ApiFailure.badRequest(name, "api.field.notText", name, example(name));
        }
        String value = node.stringValue().strip();
        if (value.isEmpty() || value.length() > maxLength) {
            throw ApiFailure.badRequest(name, "api.field.length", name, maxLength);
        }
        return value;
    }

    private static BigDecimal amount(Map<String, JsonNode> fields) {
        JsonNode node = fields.get("amount");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw ApiFailure.badRequest("amount", "api.field.amount");
        }
        BigDecimal amount = node.decimalValue();
        if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) >= 0) {
            throw ApiFailure.badRequest("amount", "api.field.amount");
        }
        return amount;
    }

    private static String example(String field) {
        return switch (field) {
            case "person" -> "\"P0012\"";
            case "system" -> "\"navision\"";
            case "entitlement" -> "\"NS_BOGHOLDER\"";
            case "entitlementType" -> "\"rights_set\"";
            default -> "\"juho\"";
        };
    }

    Optional<String> givenAccount() {
        return Optional.ofNullable(account);
    }
}

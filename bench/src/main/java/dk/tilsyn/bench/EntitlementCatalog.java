package dk.tilsyn.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The entitlements each synthetic system hands out. The five systems of the state's payment process use the
 * names of the default rule set (so the analysis has real work to do); the others get generic roles.
 */
final class EntitlementCatalog {

    /** One grantable entitlement; {@code weight} is its relative frequency, {@code amount} its limit or null. */
    record Entitlement(String name, String type, String amount, int weight) {
    }

    static final List<String> PAYMENT_SYSTEMS = List.of("rejsud", "indfak", "navision", "district", "nemkonto");
    private static final int GENERIC_ROLES = 200;

    private EntitlementCatalog() {
    }

    static String systemId(int index) {
        return index < PAYMENT_SYSTEMS.size() ? PAYMENT_SYSTEMS.get(index) : String.format("sys%02d", index + 1);
    }

    static List<Entitlement> of(String system) {
        return switch (system) {
            case "rejsud" -> List.of(e("Rejsende", 400), e("Godkender", 60), p("Prokura RejsUd", "50.000,00", 55),
                    e("Lokal systemadministrator", 3), e("Bogholder", 20));
            case "indfak" -> List.of(e("Indkøber", 200), e("Rekvirent", 150), e("Disponent Ordre", 40),
                    e("Disponent Faktura", 40), p("Prokura IndFak", "100.000", 60), e("Lokal systemadministrator", 3));
            case "navision" -> List.of(r("NS_BOGHOLDER", 80), r("NS_BETALING", 20), p("Bank prokura", "1.000.000,00", 18),
                    r("NS_LAESER", 200), r("NS_OPSAETNING", 5), r("SUPER", 1));
            case "district" -> List.of(m("A", "500.000", 10), m("B", "500.000", 12), m("C", "100.000", 6),
                    m("Alene", "250.000", 2), e("Aftaleadministrator", 2), e("Visning", 60));
            case "nemkonto" -> List.of(e("NK_SAGSBEHANDLER", 50), e("NK_OPSLAG", 100));
            default -> generic();
        };
    }

    private static List<Entitlement> generic() {
        List<Entitlement> roles = new ArrayList<>(GENERIC_ROLES);
        for (int i = 1; i <= GENERIC_ROLES; i++) {
            roles.add(e(String.format("ROLE_%03d", i), 1 + (GENERIC_ROLES - i) / 20));
        }
        return roles;
    }

    private static Entitlement e(String name, int weight) {
        return new Entitlement(name, "role", null, weight);
    }

    private static Entitlement r(String name, int weight) {
        return new Entitlement(name, "rights_set", null, weight);
    }

    private static Entitlement p(String name, String amount, int weight) {
        return new Entitlement(name, "prokura", amount, weight);
    }

    private static Entitlement m(String name, String amount, int weight) {
        return new Entitlement(name, "mandate", amount, weight);
    }
}

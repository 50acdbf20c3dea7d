package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.rules.Condition;
import dk.tilsyn.engine.rules.Conditions;
import dk.tilsyn.engine.rules.FunctionDef;
import dk.tilsyn.engine.rules.RuleSet;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which entitlement names give a privileged function in a system, according to the rule set. The privileged
 * functions of the guidance (Lokal/Global systemadministrator, SUPER, SUPER(DATA), Aftaleadministrator) are each
 * granted by one named entitlement, so a name lookup is exact for them.
 */
final class PrivilegeLookup {

    private final Map<String, Set<String>> privilegedNamesBySystem = new HashMap<>();
    /**
     * Whether an entitlement name as written (any case) is privileged, per system: a few hundred distinct names
     * across millions of assignments, so each is folded and looked up once. Concurrent because the checks run in
     * parallel; a name computed twice by two threads gives the same answer.
     */
    private final Map<String, Map<String, Boolean>> privilegedAsWritten = new ConcurrentHashMap<>();

    PrivilegeLookup(RuleSet rules) {
        for (FunctionDef function : rules.functions()) {
            if (!function.privileged()) {
                continue;
            }
            Set<String> names = privilegedNamesBySystem.computeIfAbsent(function.system(), s -> new HashSet<>());
            for (Condition.Match match : Conditions.matches(function.grant())) {
                if (match.entitlements() != null) {
                    match.entitlements().forEach(name -> names.add(key(name)));
                }
            }
        }
    }

    boolean privilegedEntitlement(String system, String entitlement) {
        if (entitlement == null) {
            return false;
        }
        Set<String> names = privilegedNamesBySystem.get(system);
        if (names == null) {
            return false;
        }
        return privilegedAsWritten.computeIfAbsent(system, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(entitlement, name -> names.contains(key(name)));
    }

    /** Whether the account, as the extract shows it, holds a privileged entitlement in force on the date. */
    boolean privileged(Account account, LocalDate asOf) {
        if (account == null || !account.active()) {
            return false;
        }
        for (Assignment assignment : account.assignments()) {
            if (assignment.validOn(asOf) && privilegedEntitlement(account.system(), assignment.entitlement())) {
                return true;
            }
        }
        return false;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}

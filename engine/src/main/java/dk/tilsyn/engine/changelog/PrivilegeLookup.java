package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.rules.Condition;
import dk.tilsyn.engine.rules.Conditions;
import dk.tilsyn.engine.rules.FunctionDef;
import dk.tilsyn.engine.rules.RuleSet;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which entitlement names give a privileged function in a system, according to the rule set. The privileged
 * functions of the guidance (Lokal/Global systemadministrator, SUPER, SUPER(DATA), Aftaleadministrator) are each
 * granted by one named entitlement, so a name lookup is exact for them.
 */
final class PrivilegeLookup {

    private final Map<String, Set<String>> privilegedNamesBySystem = new HashMap<>();
    /**
     * Per account (by identity: an account's value hash is deep): a log names the same actors many times. Synchronized
     * because the checks run in parallel; only events whose actor is in the extracts get here.
     */
    private final Map<Account, Boolean> privilegedAccounts = Collections.synchronizedMap(new IdentityHashMap<>());

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
        return entitlement != null
                && privilegedNamesBySystem.getOrDefault(system, Set.of()).contains(key(entitlement));
    }

    /** Whether the account, as the extract shows it, holds a privileged entitlement in force on the date. */
    boolean privileged(Account account, LocalDate asOf) {
        if (account == null || !account.active()) {
            return false;
        }
        return privilegedAccounts.computeIfAbsent(account, a -> holdsPrivilege(a, asOf));
    }

    private boolean holdsPrivilege(Account account, LocalDate asOf) {
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

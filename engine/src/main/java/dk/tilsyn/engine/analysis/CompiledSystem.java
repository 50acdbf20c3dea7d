package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.rules.Condition;
import dk.tilsyn.engine.rules.Conditions;
import dk.tilsyn.engine.rules.FunctionDef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One system's matchers as a table: entitlement name → the leaf matchers it can satisfy (a bit each), so an
 * assignment costs one hash lookup; the functions as programs over those bits.
 */
final class CompiledSystem {

    static final int MAX_LEAVES = 64;

    final String id;
    final String name;
    private final Condition.Match[] leaves;
    private final Map<String, Long> byLowerName = new HashMap<>();
    /** Raw spelling → candidate leaves; the names of an extract repeat, so lower-casing happens once per spelling. */
    private final ConcurrentHashMap<String, Long> bySpelling = new ConcurrentHashMap<>();
    private final long anyNameLeaves;
    final int[] functionIndexes;
    final LeafProgram[] programs;

    CompiledSystem(String id, String name, List<FunctionDef> functions, Map<String, Integer> functionIndex) {
        this.id = id;
        this.name = name;
        List<Condition.Match> all = new ArrayList<>();
        functions.forEach(f -> all.addAll(Conditions.matches(f.grant())));
        if (all.size() > MAX_LEAVES) {
            throw new IllegalArgumentException("system '" + id + "' has " + all.size() + " matchers; at most "
                    + MAX_LEAVES + " are supported");
        }
        leaves = all.toArray(Condition.Match[]::new);
        long anyName = 0;
        for (int i = 0; i < leaves.length; i++) {
            if (leaves[i].entitlements().isEmpty()) {
                anyName |= 1L << i;
            }
            for (String entitlement : leaves[i].entitlements()) {
                byLowerName.merge(entitlement.toLowerCase(Locale.ROOT), 1L << i, (a, b) -> a | b);
            }
        }
        anyNameLeaves = anyName;
        functionIndexes = functions.stream().mapToInt(f -> functionIndex.get(f.qualifiedId())).toArray();
        programs = functions.stream().map(f -> LeafProgram.compile(f.grant(), all)).toArray(LeafProgram[]::new);
    }

    /** The leaves one assignment satisfies (validity is the caller's concern). */
    long leafBits(Assignment assignment) {
        String entitlement = assignment.entitlement();
        long candidates = anyNameLeaves;
        if (entitlement != null) {
            Long known = bySpelling.get(entitlement);
            if (known == null) {
                known = bySpelling.computeIfAbsent(entitlement,
                        s -> byLowerName.getOrDefault(s.strip().toLowerCase(Locale.ROOT), 0L));
            }
            candidates |= known;
        }
        long hits = 0;
        while (candidates != 0) {
            int leaf = Long.numberOfTrailingZeros(candidates);
            candidates &= candidates - 1;
            Condition.Match match = leaves[leaf];
            if ((match.type() == null || match.type() == assignment.type())
                    && (match.amount() == null || match.amount().test(assignment.amountLimit()))) {
                hits |= 1L << leaf;
            }
        }
        return hits;
    }

    /** The leaves an account's assignments in force on the date satisfy together. */
    long leafBits(Account account, LocalDate asOf) {
        long bits = 0;
        for (Assignment assignment : account.assignments()) {
            if (assignment.validOn(asOf)) {
                bits |= leafBits(assignment);
            }
        }
        return bits;
    }

    /** Sets the bits of the functions the leaves grant. */
    void grant(long leafBits, long[] held) {
        for (int i = 0; i < programs.length; i++) {
            if (programs[i].eval(leafBits)) {
                Bits.set(held, functionIndexes[i]);
            }
        }
    }
}

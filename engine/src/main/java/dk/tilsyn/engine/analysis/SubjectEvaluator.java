package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.Account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The hot path: a subject's functions as bits, and the rules that fire on them. Allocates little. */
final class SubjectEvaluator {

    /** A rule that fired, with the functions involved. */
    record Fired(CompiledRule rule, long[] involved) {
    }

    private final CompiledRuleSet compiled;

    SubjectEvaluator(CompiledRuleSet compiled) {
        this.compiled = compiled;
    }

    long[] held(Subject subject, LocalDate asOf) {
        long[] held = new long[compiled.words];
        for (Account account : subject.accounts()) {
            grant(account, asOf, held);
        }
        return held;
    }

    /** Inactive accounts and accounts of systems the rule set does not know grant nothing. */
    void grant(Account account, LocalDate asOf, long[] held) {
        CompiledSystem system = account.active() ? compiled.systems.get(account.system()) : null;
        if (system != null) {
            system.grant(system.leafBits(account, asOf), held);
        }
    }

    List<Fired> fire(long[] held, boolean ownUser) {
        if (Bits.isEmpty(held)) {
            return List.of();
        }
        Fired[] byRule = new Fired[compiled.rules.length];
        int count = 0;
        for (CompiledRule rule : compiled.rules) {
            long[] involved = rule.involved(held, ownUser);
            if (involved != null) {
                byRule[rule.index()] = new Fired(rule, involved);
                count++;
            }
        }
        if (count == 0) {
            return List.of();
        }
        dropSuperseded(byRule);
        List<Fired> fired = new ArrayList<>(count);
        for (Fired f : byRule) {
            if (f != null) {
                fired.add(f);
            }
        }
        return fired;
    }

    /** A superseded rule's finding goes only when the superseding finding covers all of its functions. */
    private static void dropSuperseded(Fired[] byRule) {
        for (Fired strong : byRule.clone()) {
            if (strong == null) {
                continue;
            }
            for (int weak : strong.rule().supersedes()) {
                Fired candidate = byRule[weak];
                if (candidate != null && Bits.containsAll(strong.involved(), candidate.involved())) {
                    byRule[weak] = null;
                }
            }
        }
    }
}

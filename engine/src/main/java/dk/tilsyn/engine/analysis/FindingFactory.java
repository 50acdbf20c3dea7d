package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.rules.FunctionDef;
import dk.tilsyn.engine.rules.Rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The slow path, run only for rules that fired: which accounts and which assignment rows granted the functions
 * involved, and the Danish explanation.
 */
final class FindingFactory {

    private final CompiledRuleSet compiled;

    FindingFactory(CompiledRuleSet compiled) {
        this.compiled = compiled;
    }

    Finding build(Subject subject, SubjectEvaluator.Fired fired, LocalDate asOf) {
        TreeSet<AccountRef> accounts = new TreeSet<>();
        TreeSet<SourceRef> evidence = new TreeSet<>(SourceRef.ORDER);
        List<String> granted = new ArrayList<>();
        for (Account account : subject.accounts()) {
            CompiledSystem system = account.active() ? compiled.systems.get(account.system()) : null;
            if (system == null) {
                continue;
            }
            long leafBits = system.leafBits(account, asOf);
            for (int i = 0; i < system.programs.length; i++) {
                int function = system.functionIndexes[i];
                if (!Bits.get(fired.involved(), function) || !system.programs[i].eval(leafBits)) {
                    continue;
                }
                accounts.add(account.ref());
                granted.add(describe(system, compiled.functions[function], account));
                collectEvidence(system, account, system.programs[i].contributing(leafBits), asOf, evidence);
            }
        }
        Rule rule = fired.rule().rule();
        List<String> systems = accounts.stream().map(AccountRef::system).distinct().sorted().toList();
        String explanation = subject.label() + " har: " + String.join("; ", granted) + ". " + rule.title() + ". "
                + rule.explanation() + " (Regel " + rule.id() + ", kilde: " + rule.source() + ")";
        return new Finding(rule.kind(), rule.severity(), rule.id(), subject.personId(), systems,
                List.copyOf(accounts), List.copyOf(evidence), explanation);
    }

    private static String describe(CompiledSystem system, FunctionDef function, Account account) {
        return system.name + ": " + function.title() + " (konto " + account.account() + ")";
    }

    private static void collectEvidence(CompiledSystem system, Account account, long leaves, LocalDate asOf,
                                        TreeSet<SourceRef> evidence) {
        for (Assignment assignment : account.assignments()) {
            if (assignment.source() != null && assignment.validOn(asOf)
                    && (system.leafBits(assignment) & leaves) != 0) {
                evidence.add(assignment.source());
            }
        }
    }
}

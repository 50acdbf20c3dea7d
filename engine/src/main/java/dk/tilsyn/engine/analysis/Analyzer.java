package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.rules.RuleSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates one effective rule set. Compiles it once; thread-safe; reuse it for every analysis and what-if
 * against that rule set.
 */
public final class Analyzer {

    private final CompiledRuleSet compiled;
    private final SubjectEvaluator evaluator;
    private final FindingFactory factory;
    private final MatrixBuilder matrixBuilder;

    public Analyzer(RuleSet ruleSet) {
        compiled = new CompiledRuleSet(ruleSet);
        evaluator = new SubjectEvaluator(compiled);
        factory = new FindingFactory(compiled);
        matrixBuilder = new MatrixBuilder(compiled, evaluator);
    }

    public RuleSet ruleSet() {
        return compiled.ruleSet;
    }

    /** Findings for every subject, in {@link FindingOrder#ORDER}; runs over subjects in parallel. */
    public List<Finding> analyse(List<Subject> subjects, LocalDate asOf) {
        return subjects.parallelStream().flatMap(s -> analyse(s, asOf).stream()).sorted(FindingOrder.ORDER)
                .toList();
    }

    /** Findings for one subject, in {@link FindingOrder#ORDER}. */
    public List<Finding> analyse(Subject subject, LocalDate asOf) {
        List<SubjectEvaluator.Fired> fired = evaluator.fire(evaluator.held(subject, asOf), subject.ownUser());
        if (fired.isEmpty()) {
            return List.of();
        }
        return fired.stream().map(f -> factory.build(subject, f, asOf)).sorted(FindingOrder.ORDER).toList();
    }

    /**
     * The findings the proposed grant would newly create for the subject: a rule that does not fire today, or one
     * that would fire on more functions than today. Evaluates only this subject, twice.
     */
    public List<Finding> whatIf(Subject subject, ProposedAssignment proposed, LocalDate asOf) {
        List<SubjectEvaluator.Fired> before = evaluator.fire(evaluator.held(subject, asOf), subject.ownUser());
        Subject after = withGrant(subject, proposed, asOf);
        List<SubjectEvaluator.Fired> now = evaluator.fire(evaluator.held(after, asOf), after.ownUser());
        return now.stream().filter(f -> before.stream().noneMatch(b -> sameFinding(b, f)))
                .map(f -> factory.build(after, f, asOf)).sorted(FindingOrder.ORDER).toList();
    }

    /** The overview matrix (ACC-9) for the subjects. */
    public Matrix matrix(List<Subject> subjects, LocalDate asOf) {
        return matrixBuilder.build(subjects, asOf);
    }

    /** The findings and the matrix of {@link #analyse} and {@link #matrix}. */
    public record Evaluation(List<Finding> findings, Matrix matrix) {
    }

    /**
     * {@link #analyse} and {@link #matrix} in one pass: each subject's functions and fired rules are worked out once
     * and give both its findings and its matrix row. Runs over subjects in parallel.
     */
    public Evaluation evaluate(List<Subject> subjects, LocalDate asOf) {
        record Outcome(List<Finding> findings, Matrix.Row row) {
        }
        List<Outcome> outcomes = subjects.parallelStream().map(subject -> {
            long[] held = evaluator.held(subject, asOf);
            List<SubjectEvaluator.Fired> fired = evaluator.fire(held, subject.ownUser());
            List<Finding> findings = fired.isEmpty() ? List.of()
                    : fired.stream().map(f -> factory.build(subject, f, asOf)).toList();
            return new Outcome(findings, matrixBuilder.row(subject, held, fired));
        }).toList();
        List<Finding> findings = outcomes.parallelStream().flatMap(o -> o.findings().stream())
                .sorted(FindingOrder.ORDER).toList();
        return new Evaluation(findings, matrixBuilder.matrix(outcomes.stream().map(Outcome::row).toList(), asOf));
    }

    private static boolean sameFinding(SubjectEvaluator.Fired a, SubjectEvaluator.Fired b) {
        return a.rule().index() == b.rule().index() && Arrays.equals(a.involved(), b.involved());
    }

    private static Subject withGrant(Subject subject, ProposedAssignment proposed, LocalDate asOf) {
        Assignment assignment = new Assignment(proposed.entitlement(), proposed.type(), proposed.amount(), asOf,
                null, null, asOf, null);
        List<Account> accounts = new ArrayList<>();
        boolean found = false;
        for (Account account : subject.accounts()) {
            if (account.system().equals(proposed.system()) && account.account().equals(proposed.account())) {
                List<Assignment> assignments = new ArrayList<>(account.assignments());
                assignments.add(assignment);
                accounts.add(new Account(account.system(), account.account(), account.personId(),
                        account.username(), account.email(), account.name(), account.type(), account.active(),
                        assignments, account.sources()));
                found = true;
            } else {
                accounts.add(account);
            }
        }
        if (!found) {
            AccountType type = subject.ownUser() ? AccountType.PERSONAL : AccountType.GENERIC;
            accounts.add(new Account(proposed.system(), proposed.account(), subject.personId(), null, null, null,
                    type, true, List.of(assignment), List.of()));
        }
        return new Subject(subject.personId(), subject.ownAccount(), accounts);
    }
}

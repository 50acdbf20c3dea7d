package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.rules.FunctionDef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Builds the {@link Matrix}; rows sorted by person id, then account subjects by account. */
final class MatrixBuilder {

    private final CompiledRuleSet compiled;
    private final SubjectEvaluator evaluator;

    MatrixBuilder(CompiledRuleSet compiled, SubjectEvaluator evaluator) {
        this.compiled = compiled;
        this.evaluator = evaluator;
    }

    /** The two cells with no rule, shared by all rows: most of a 100,000 × 34 matrix is these. */
    private static final Matrix.Cell HELD = new Matrix.Cell(true, false, List.of());
    private static final Matrix.Cell NOT_HELD = new Matrix.Cell(false, false, List.of());

    Matrix build(List<Subject> subjects, LocalDate asOf) {
        List<Matrix.Column> columns = new ArrayList<>();
        for (FunctionDef function : compiled.functions) {
            columns.add(new Matrix.Column(function.system(), compiled.systems.get(function.system()).name,
                    function.id(), function.title(), function.privileged()));
        }
        // Each label is made once: a comparator calling label() made it twice per comparison. Rows are independent,
        // so they are built on every core; the ordered stream keeps the sorted order.
        List<Labelled> sorted = subjects.parallelStream().map(s -> new Labelled(s, s.label()))
                .sorted(Comparator.comparing(Labelled::label)).toList();
        List<Matrix.Row> rows = sorted.parallelStream().map(l -> row(l.subject(), l.label(), asOf)).toList();
        return new Matrix(compiled.ruleSet.id(), compiled.ruleSet.version(), compiled.ruleSet.contentHash(),
                asOf.toString(), columns, rows);
    }

    private record Labelled(Subject subject, String label) {
    }

    private Matrix.Row row(Subject subject, String label, LocalDate asOf) {
        long[] held = evaluator.held(subject, asOf);
        List<SubjectEvaluator.Fired> fired = evaluator.fire(held, subject.ownUser());
        Matrix.Cell[] cells = new Matrix.Cell[compiled.functions.length];
        boolean anyConflict = false;
        for (int f = 0; f < compiled.functions.length; f++) {
            List<String> rules = new ArrayList<>(0);
            boolean conflict = false;
            for (SubjectEvaluator.Fired fire : fired) {
                if (Bits.get(fire.involved(), f)) {
                    rules.add(fire.rule().rule().id());
                    conflict |= fire.rule().rule().severity() != Severity.INFO;
                }
            }
            anyConflict |= conflict;
            boolean has = Bits.get(held, f);
            cells[f] = rules.isEmpty() ? (has ? HELD : NOT_HELD) : new Matrix.Cell(has, conflict, rules);
        }
        String[] accounts = new String[subject.accounts().size()];
        for (int i = 0; i < accounts.length; i++) {
            Account account = subject.accounts().get(i);
            accounts[i] = account.system() + "/" + account.account();
        }
        Arrays.sort(accounts);
        return new Matrix.Row(subject.personId(), label, Arrays.asList(accounts), Arrays.asList(cells), anyConflict);
    }
}

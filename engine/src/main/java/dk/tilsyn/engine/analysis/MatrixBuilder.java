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
        // Rows are independent, so they are built on every core; sorting is by label (made once per row).
        return matrix(subjects.parallelStream().map(s -> {
            long[] held = evaluator.held(s, asOf);
            return row(s, held, evaluator.fire(held, s.ownUser()));
        }).toList(), asOf);
    }

    /** The matrix of rows built by {@link #row}, in any order. */
    Matrix matrix(List<Matrix.Row> rows, LocalDate asOf) {
        List<Matrix.Column> columns = new ArrayList<>();
        for (FunctionDef function : compiled.functions) {
            columns.add(new Matrix.Column(function.system(), compiled.systems.get(function.system()).name,
                    function.id(), function.title(), function.privileged()));
        }
        List<Matrix.Row> sorted = rows.parallelStream().sorted(Comparator.comparing(Matrix.Row::label)).toList();
        return new Matrix(compiled.ruleSet.id(), compiled.ruleSet.version(), compiled.ruleSet.contentHash(),
                asOf.toString(), columns, sorted);
    }

    /** One subject's row from the functions it holds and the rules that fired on them. */
    Matrix.Row row(Subject subject, long[] held, List<SubjectEvaluator.Fired> fired) {
        Matrix.Cell[] cells = new Matrix.Cell[compiled.functions.length];
        boolean anyConflict = false;
        for (int f = 0; f < compiled.functions.length; f++) {
            // Most subjects fire no rule: their cells are the two shared ones, with no loop over rules per cell.
            if (fired.isEmpty()) {
                cells[f] = Bits.get(held, f) ? HELD : NOT_HELD;
                continue;
            }
            List<String> rules = null; // most cells have no rule: no list for them
            boolean conflict = false;
            for (int i = 0; i < fired.size(); i++) {
                SubjectEvaluator.Fired fire = fired.get(i);
                if (Bits.get(fire.involved(), f)) {
                    if (rules == null) {
                        rules = new ArrayList<>(2);
                    }
                    rules.add(fire.rule().rule().id());
                    conflict |= fire.rule().rule().severity() != Severity.INFO;
                }
            }
            anyConflict |= conflict;
            boolean has = Bits.get(held, f);
            cells[f] = rules == null ? (has ? HELD : NOT_HELD) : new Matrix.Cell(has, conflict, rules);
        }
        String[] accounts = new String[subject.accounts().size()];
        for (int i = 0; i < accounts.length; i++) {
            Account account = subject.accounts().get(i);
            accounts[i] = account.system() + "/" + account.account();
        }
        Arrays.sort(accounts);
        return new Matrix.Row(subject.personId(), subject.label(), Arrays.asList(accounts), Arrays.asList(cells), anyConflict);
    }
}

package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.rules.FunctionDef;

import java.time.LocalDate;
import java.util.ArrayList;
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

    Matrix build(List<Subject> subjects, LocalDate asOf) {
        List<Matrix.Column> columns = new ArrayList<>();
        for (FunctionDef function : compiled.functions) {
            columns.add(new Matrix.Column(function.system(), compiled.systems.get(function.system()).name,
                    function.id(), function.title(), function.privileged()));
        }
        List<Matrix.Row> rows = subjects.stream().sorted(Comparator.comparing(Subject::label))
                .map(s -> row(s, asOf)).toList();
        return new Matrix(compiled.ruleSet.id(), compiled.ruleSet.version(), compiled.ruleSet.contentHash(),
                asOf.toString(), columns, rows);
    }

    private Matrix.Row row(Subject subject, LocalDate asOf) {
        long[] held = evaluator.held(subject, asOf);
        List<SubjectEvaluator.Fired> fired = evaluator.fire(held, subject.ownUser());
        List<Matrix.Cell> cells = new ArrayList<>();
        boolean anyConflict = false;
        for (int f = 0; f < compiled.functions.length; f++) {
            List<String> rules = new ArrayList<>();
            boolean conflict = false;
            for (SubjectEvaluator.Fired fire : fired) {
                if (Bits.get(fire.involved(), f)) {
                    rules.add(fire.rule().rule().id());
                    conflict |= fire.rule().rule().severity() != Severity.INFO;
                }
            }
            anyConflict |= conflict;
            cells.add(new Matrix.Cell(Bits.get(held, f), conflict, rules));
        }
        List<String> accounts = subject.accounts().stream().map(Account::ref)
                .map(r -> r.system() + "/" + r.account()).sorted().toList();
        return new Matrix.Row(subject.personId(), subject.label(), accounts, cells, anyConflict);
    }
}

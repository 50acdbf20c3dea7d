package dk.tilsyn.engine.pipeline;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.analysis.Matrix;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.report.DataBasis;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one analysis, deterministic for the same inputs.
 *
 * @param accountsByRef every account read from the extracts, so a caller can show a person's access or tell whether
 *                      the access behind a finding has changed since an earlier run
 */
public record AnalysisResult(DataBasis basis, List<Finding> findings, Matrix matrix, int subjects, int accounts,
                             Map<AccountRef, Account> accountsByRef) {

    public AnalysisResult {
        accountsByRef = Collections.unmodifiableMap(accountsByRef);
    }

    /** A result without the accounts (reports and benches that only need findings and matrix). */
    public AnalysisResult(DataBasis basis, List<Finding> findings, Matrix matrix, int subjects, int accounts) {
        this(basis, findings, matrix, subjects, accounts, Map.of());
    }
}

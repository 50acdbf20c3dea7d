package dk.tilsyn.access.internal;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.analysis.Matrix;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.pipeline.AnalysisResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Tilsyn keeps beside each engine finding so a decision on it can follow it into later runs.
 *
 * @param identityKey the same finding in another run: kind, rule, person and accounts (the explanation and the line
 *                    numbers may change between extracts without it being another finding)
 * @param accessHash  the access behind it: every assignment of every account it names, with amount limits and
 *                    validity. A decision holds only while this is unchanged (ACC-10: "the underlying access")
 * @param functions   the functions the finding is about, as "system: function", for the work-need confirmation
 */
record FindingFacts(String identityKey, String accessHash, List<String> functions) {

    static List<FindingFacts> of(AnalysisResult result) {
        Map<String, Matrix.Row> rows = new HashMap<>();
        for (Matrix.Row row : result.matrix().rows()) {
            rows.putIfAbsent(row.personId() != null ? "p:" + row.personId() : "a:" + row.accounts().getFirst(), row);
        }
        List<FindingFacts> facts = new ArrayList<>(result.findings().size());
        for (Finding finding : result.findings()) {
            facts.add(new FindingFacts(identityKey(finding), accessHash(finding, result.accountsByRef()),
                    functions(finding, rows, result.matrix().columns())));
        }
        return facts;
    }

    static String accountsText(Finding finding) {
        return finding.accounts().stream().map(a -> a.system() + ":" + a.account()).collect(Collectors.joining(", "));
    }

    /**
     * Findings about events and settings (a grant in a change log, a parameter) can repeat for the same person and
     * account; their explanation names the event, so it is part of what makes them the same finding.
     */
    private static final java.util.Set<FindingKind> ABOUT_EVENTS = java.util.EnumSet.of(FindingKind.SELF_ASSIGNMENT,
            FindingKind.ADMIN_GRANT, FindingKind.CREDENTIAL_CHANGE, FindingKind.OUTSIDE_PROCESS,
            FindingKind.BASELINE_DEVIATION, FindingKind.RECONCILIATION_DIFFERENCE);

    static String identityKey(Finding finding) {
        return sha256(finding.kind().code() + "|" + finding.rule() + "|" + (finding.person() == null ? "" : finding.person())
                + "|" + accountsText(finding) + (ABOUT_EVENTS.contains(finding.kind()) ? "|" + finding.explanation() : ""));
    }

    private static String accessHash(Finding finding, Map<AccountRef, Account> accounts) {
        if (finding.accounts().isEmpty()) {
            // Findings about settings (baseline deviations) have no account: what they say is the access.
            return sha256(finding.explanation());
        }
        StringBuilder text = new StringBuilder();
        for (AccountRef ref : finding.accounts().stream().sorted().toList()) {
            Account account = accounts.get(ref);
            text.append(ref.system()).append('|').append(ref.account());
            if (account == null) {
                text.append("|absent\n");
                continue;
            }
            text.append('|').append(account.type() == null ? "" : account.type().code()).append('|')
                    .append(account.active()).append('\n');
            account.assignments().stream().map(FindingFacts::assignmentText).sorted()
                    .forEach(line -> text.append("  ").append(line).append('\n'));
        }
        return sha256(text.toString());
    }

    private static String assignmentText(Assignment a) {
        return a.entitlement() + "|" + (a.type() == null ? "" : a.type().code()) + "|"
                + (a.amountLimit() == null ? "" : a.amountLimit().stripTrailingZeros().toPlainString()) + "|"
                + (a.validFrom() == null ? "" : a.validFrom()) + "|" + (a.validTo() == null ? "" : a.validTo());
    }

    private static List<String> functions(Finding finding, Map<String, Matrix.Row> rows, List<Matrix.Column> columns) {
        Matrix.Row row = finding.person() != null ? rows.get("p:" + finding.person())
                : finding.accounts().isEmpty() ? null
                : rows.get("a:" + finding.accounts().getFirst().system() + "/" + finding.accounts().getFirst().account());
        if (row == null) {
            return List.of();
        }
        List<String> functions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (row.cells().get(i).rules().contains(finding.rule())) {
                Matrix.Column column = columns.get(i);
                functions.add((column.systemName() == null ? column.system() : column.systemName()) + ": " + column.title());
            }
        }
        return functions;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.findings.Finding;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The result of correlating accounts to persons (ACC-2).
 *
 * @param links          every account's outcome, in input order (extracts in the order given, accounts in file
 *                       order): deterministic for the same input, and cheaper than sorting 400,000 accounts
 * @param findings       sorted by kind, person, first account
 * @param activeAccounts per subject, in order of first appearance, its active accounts across systems (sorted):
 *                       the index later analysis walks to combine a person's entitlements
 */
public record Correlation(Map<AccountRef, Link> links, List<Finding> findings,
                          Map<Subject, List<Account>> activeAccounts) {

    public Correlation {
        links = Collections.unmodifiableMap(links);
        findings = List.copyOf(findings);
        activeAccounts = Collections.unmodifiableMap(activeAccounts);
    }

    /** The subject's active accounts across systems; empty when it has none. */
    public List<Account> activeAccountsOf(Subject subject) {
        return activeAccounts.getOrDefault(subject, List.of());
    }

    public Link link(AccountRef account) {
        return links.get(account);
    }
}

package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.Account;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the checks need besides the log itself. Nothing here comes from correlation, so the log can be checked
 * while the accounts are tied to persons; the persons are named afterwards (see {@link ChangeLogChecks.Flagged}).
 *
 * @param accounts        every account of the extracts (one per system and name), to see who is privileged; the
 *                        persons are later looked up by position in this list
 * @param processAccounts the IGA or robot accounts whose grants are the normal process; when empty, the
 *                        outside-process check is not made (there is no process to compare with)
 */
public record ChangeLogContext(List<Account> accounts, Set<String> processAccounts, LocalDate asOf) {
}

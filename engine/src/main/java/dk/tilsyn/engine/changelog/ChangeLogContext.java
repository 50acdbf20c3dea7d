package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the checks need besides the log itself.
 *
 * @param accounts        every account of the extracts (one per system and name), to see who is privileged
 * @param personOf        the person an account is tied to (from correlation), if any; called from several threads
 *                        at once, so it must only read
 * @param processAccounts the IGA or robot accounts whose grants are the normal process; when empty, the
 *                        outside-process check is not made (there is no process to compare with)
 */
public record ChangeLogContext(List<Account> accounts, Function<AccountRef, Optional<String>> personOf,
                               Set<String> processAccounts, LocalDate asOf) {
}

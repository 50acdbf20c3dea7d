package dk.tilsyn.engine.extracts;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.io.FileFacts;
import java.util.List;

/**
 * One system's access extract read in full.
 *
 * @param system   the system id the caller gave (the file does not say which system it is from)
 * @param facts    hash, size and row count of the file, for evidence
 * @param accounts one per distinct {@code account}, in order of first appearance in the file
 */
public record Extract(String system, FileFacts facts, List<Account> accounts) {

    public Extract {
        accounts = List.copyOf(accounts);
    }
}

package dk.tilsyn.engine.findings;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.SourceRef;

import java.util.List;

/**
 * One finding for one subject (a person, or a non-personal account evaluated on its own).
 *
 * @param rule        the rule id that produced it (for correlation and change-log kinds a fixed id such as
 *                    {@code correlation.orphan-account})
 * @param person      the person_id, or null when the subject is an account without a person
 * @param systems     the system ids involved, sorted
 * @param accounts    the accounts involved, sorted
 * @param evidence    the exact input rows that caused it, sorted by file and line
 * @param explanation a Danish text a manager can read
 */
public record Finding(FindingKind kind, Severity severity, String rule, String person, List<String> systems,
                      List<AccountRef> accounts, List<SourceRef> evidence, String explanation) {
}

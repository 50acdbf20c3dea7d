package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.Account;

/**
 * The outcome for one account.
 *
 * @param subject  the person for a personal account found by {@code method}; the account itself for a non-personal
 *                 account or a personal account without a person
 * @param personId the person (personal account) or the responsible person (non-personal account), or null
 * @param method   how {@code personId} was found; NONE when it was not
 */
public record Link(Account account, Subject subject, String personId, MatchMethod method) {
}

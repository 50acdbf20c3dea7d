package dk.tilsyn.engine.access;

import java.util.List;

/**
 * A login in one system with everything the extract says about it. An account without entitlements appears once
 * in the extract with an empty entitlement and has no assignments here.
 *
 * @param personId the person id the extract states, if any (correlation may find the person otherwise)
 * @param sources  the extract rows this account was read from
 */
public record Account(String system, String account, String personId, String username, String email, String name,
                      AccountType type, boolean active, List<Assignment> assignments, List<SourceRef> sources) {

    public AccountRef ref() {
        return new AccountRef(system, account);
    }
}

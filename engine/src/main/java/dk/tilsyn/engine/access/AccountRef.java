package dk.tilsyn.engine.access;

/** Identifies an account: the system id and the account name within it. */
public record AccountRef(String system, String account) implements Comparable<AccountRef> {

    @Override
    public int compareTo(AccountRef other) {
        int bySystem = system.compareTo(other.system);
        return bySystem != 0 ? bySystem : account.compareTo(other.account);
    }
}

package dk.tilsyn.platform.identity;

/** What it takes to create a user; the password (if any) is passed separately and only ever stored hashed. */
public record NewUser(String username, String displayName, String email, boolean mustChangePassword, boolean platformAdmin) {
}

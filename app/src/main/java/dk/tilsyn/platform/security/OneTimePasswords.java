package dk.tilsyn.platform.security;

import java.security.SecureRandom;

/** Random passwords for first start and for new users; the user must change it at first login. */
public final class OneTimePasswords {

    // No look-alike characters (0/O, 1/l/I), so a password read off a screen is typed right.
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {
    }

    public static String generate() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < 5; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}

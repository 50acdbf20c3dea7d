package dk.tilsyn.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rules a new local password must meet; returns message keys of the rules broken. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private PasswordPolicy() {
    }

    public static List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("password.tooShort");
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("password.tooLong");
        }
        if (password.isBlank() || password.chars().distinct().count() < 4) {
            problems.add("password.tooSimple");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            problems.add("password.containsUsername");
        }
        return problems;
    }
}

package dk.tilsyn.administration.internal;

import dk.tilsyn.platform.tenancy.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The "new user" form as posted. */
public record UserForm(String username, String displayName, String email, boolean localLogin, Set<Role> roles) {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{2,200}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username.strip()).matches()) {
            problems.add("admin.user.problem.username");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            problems.add("admin.user.problem.name");
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            problems.add("admin.user.problem.email");
        }
        if (roles == null || roles.isEmpty()) {
            problems.add("admin.user.problem.roles");
        }
        return problems;
    }

    String emailOrNull() {
        return email == null || email.isBlank() ? null : email.strip();
    }
}

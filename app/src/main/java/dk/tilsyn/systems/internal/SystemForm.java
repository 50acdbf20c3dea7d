package dk.tilsyn.systems.internal;

import dk.tilsyn.engine.profiles.ProfileLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The system form as posted, trimmed; {@link #problems()} names what is wrong as message keys. */
public record SystemForm(String key, String name, String profile) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public static SystemForm of(String key, String name, String profile) {
        return new SystemForm(key == null ? "" : key.strip().toLowerCase(Locale.ROOT), name == null ? "" : name.strip(),
                profile == null ? "" : profile.strip());
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!KEY.matcher(key).matches()) {
            problems.add("systems.problem.key");
        }
        if (name.isEmpty() || name.length() > 200) {
            problems.add("systems.problem.name");
        }
        if (!profile.isEmpty() && !ProfileLoader.SHIPPED.contains(profile)) {
            problems.add("systems.problem.profile");
        }
        return problems;
    }

    String profileOrNull() {
        return profile.isEmpty() ? null : profile;
    }
}

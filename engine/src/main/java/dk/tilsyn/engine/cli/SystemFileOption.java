package dk.tilsyn.engine.cli;

import dk.tilsyn.engine.pipeline.InvalidRequestException;
import dk.tilsyn.engine.pipeline.SystemFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses {@code SYSTEM=FILE} options and checks that the file exists, naming the option in the message. */
final class SystemFileOption {

    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private SystemFileOption() {
    }

    static List<SystemFile> parse(String option, List<String> values) {
        return values == null ? List.of() : values.stream().map(value -> parse(option, value)).toList();
    }

    static SystemFile parse(String option, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new InvalidRequestException(option + " " + value + ": forventet SYSTEM=FIL, fx " + option + " rejsud=rejsud.csv");
        }
        String system = value.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (!SYSTEM.matcher(system).matches()) {
            throw new InvalidRequestException(option + " " + value + ": systemets id \"" + system
                    + "\" må kun indeholde a-z, 0-9, - og _ (fx rejsud, indfak, navision).");
        }
        return new SystemFile(system, existing(option + " " + value, value.substring(eq + 1)));
    }

    static Path existing(String where, String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new InvalidRequestException(where + ": filen findes ikke eller er ikke en fil: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new InvalidRequestException(where + ": filen kan ikke læses: " + path);
        }
        return path;
    }
}

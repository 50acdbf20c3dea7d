package dk.tilsyn.bench;

import java.nio.file.Path;
import java.util.Map;

/** Where a generated data set was written and how much it holds. */
public record GeneratedSet(Path persons, Map<String, Path> extracts, Map<String, Path> changeLogs, int personCount,
                           int accountCount, long assignmentRows) {
}

package dk.tilsyn.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs browser tests only where Debian's Chromium is installed (or fails under CI). */
public class ChromiumAvailableCondition implements ExecutionCondition {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return RequiredResource.evaluate("Chromium at " + CHROMIUM, Files.isExecutable(CHROMIUM), RequiredResource.ci());
    }
}

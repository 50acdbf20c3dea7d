package dk.tilsyn.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application under test at the run's {@link TestDatabase}, ahead of every other property source. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final java.nio.file.Path EVIDENCE_DIR = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
            "tilsyn-it-evidence-" + java.util.UUID.randomUUID());

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("tilsyn-test-database", TestDatabase.get().springProperties()));
        // Evidence files of the run go to a temporary folder, never into the source tree.
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tilsyn-test-evidence",
                java.util.Map.of("tilsyn.evidence-dir", EVIDENCE_DIR.toString())));
    }
}

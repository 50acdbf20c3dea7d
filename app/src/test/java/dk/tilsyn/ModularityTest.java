package dk.tilsyn;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure holds (no cycles, only named interfaces used); writes the diagrams to target/. */
class ModularityTest {

    /** Generated, never written into the source tree (surefire runs in the module's directory). */
    private static final Path OUTPUT = Path.of("target", "spring-modulith-docs");
    /**
     * The engine shares the root package but is a separate, Spring-free library jar (like any other dependency):
     * it is not an application module of the app.
     */
    private static final ApplicationModules MODULES = ApplicationModules.of(TilsynApplication.class,
            JavaClass.Predicates.resideInAPackage("dk.tilsyn.engine.."));

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("platform", "organisation", "administration", "dashboard", "systems", "access");
    }

    @Test
    void writesTheModuleDiagrams() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        Path components = OUTPUT.resolve("components.puml");
        assertThat(components).exists();
        assertThat(Files.readString(components)).contains("Platform").contains("@startuml");
    }
}

package dk.tilsyn.organisation.internal;

import dk.tilsyn.platform.identity.InstitutionRepository;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Fills the fictional "Demostyrelsen" with its org units and persons at first start, through the same import a
 * user would run (so the demo also exercises the real path and lands in the audit trail).
 */
@Component
@Order(20)
class DemoOrganisation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);
    private static final String DEMO_CODE = "DEMO";

    private final InstitutionRepository institutions;
    private final PersonRepository persons;
    private final OrganisationImport imports;
    private final boolean enabled;

    DemoOrganisation(InstitutionRepository institutions, PersonRepository persons, OrganisationImport imports,
                     @Value("${tilsyn.demo.enabled}") boolean enabled) {
        this.institutions = institutions;
        this.persons = persons;
        this.imports = imports;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        institutions.findByCode(DEMO_CODE).ifPresent(demo -> TenantContext.runAs(demo.id(), () -> {
            if (persons.count() == 0) {
                load("org_units.csv", true);
                load("persons.csv", false);
                log.info("Loaded demo organisation into {}", demo.name());
            }
            return null;
        }));
    }

    private void load(String file, boolean orgUnits) {
        try (InputStream in = new ClassPathResource("demo/demostyrelsen/" + file).getInputStream()) {
            if (orgUnits) {
                imports.importOrgUnits(in, file);
            } else {
                imports.importPersons(in, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Demo file " + file + " missing from the build", e);
        }
    }
}

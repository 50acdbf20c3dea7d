package dk.tilsyn.systems.internal;

import dk.tilsyn.platform.identity.InstitutionRepository;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/** Gives the fictional "Demostyrelsen" the five systems of the state's payment process at first start. */
@Component
@Order(30)
class DemoSystems implements ApplicationRunner {

    private static final List<SystemForm> PAYMENT_PROCESS = List.of(
            SystemForm.of("rejsud", "RejsUd", ""),
            SystemForm.of("indfak", "IndFak", ""),
            SystemForm.of("navision", "Navision Stat", ""),
            SystemForm.of("district", "Danske Bank District", ""),
            SystemForm.of("nemkonto", "NemKonto", ""));

    private final InstitutionRepository institutions;
    private final SystemService systems;
    private final SystemRepository repository;
    private final boolean enabled;

    DemoSystems(InstitutionRepository institutions, SystemService systems, SystemRepository repository,
                @Value("${tilsyn.demo.enabled}") boolean enabled) {
        this.institutions = institutions;
        this.systems = systems;
        this.repository = repository;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        institutions.findByCode("DEMO").ifPresent(demo -> TenantContext.runAs(demo.id(), () -> {
            if (repository.count() == 0) {
                PAYMENT_PROCESS.forEach(systems::add);
            }
            return null;
        }));
    }
}

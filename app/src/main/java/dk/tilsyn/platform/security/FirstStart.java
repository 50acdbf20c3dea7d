package dk.tilsyn.platform.security;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.identity.InstitutionRepository;
import dk.tilsyn.platform.identity.InstitutionService;
import dk.tilsyn.platform.identity.NewUser;
import dk.tilsyn.platform.identity.UserRepository;
import dk.tilsyn.platform.identity.UserService;
import dk.tilsyn.platform.tenancy.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;

/**
 * On an empty database: creates the first institution (the fictional "Demostyrelsen" when demo data is on) and an
 * administrator with a generated one-time password, printed once to the console. There is no default password.
 */
@Component
@Order(10)
class FirstStart implements ApplicationRunner {

    static final String DEMO_CODE = "DEMO";

    private final UserRepository users;
    private final InstitutionRepository institutions;
    private final InstitutionService institutionService;
    private final UserService userService;
    private final TransactionTemplate transaction;
    private final boolean demo;
    private final String baseUrl;
    private final PrintStream console = System.out;

    FirstStart(UserRepository users, InstitutionRepository institutions, InstitutionService institutionService,
               UserService userService, TransactionTemplate transaction,
               @Value("${tilsyn.demo.enabled}") boolean demo, @Value("${tilsyn.base-url}") String baseUrl) {
        this.users = users;
        this.institutions = institutions;
        this.institutionService = institutionService;
        this.userService = userService;
        this.transaction = transaction;
        this.demo = demo;
        this.baseUrl = baseUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            console.println("\nTilsyn kører: log ind på " + baseUrl + "\n");
            return;
        }
        String password = OneTimePasswords.generate();
        transaction.executeWithoutResult(status -> createAdministrator(password));
        console.println("""

                ==================================================================
                 Tilsyn er klar: %s
                 Log ind som:  admin
                 Engangsadgangskode:  %s
                 (skal skiftes ved første login; vises kun denne ene gang)
                ==================================================================
                """.formatted(baseUrl, password));
    }

    private void createAdministrator(String password) {
        Institution first = institutions.findAll().stream().findFirst()
                .orElseGet(() -> demo
                        ? institutionService.create(DEMO_CODE, "Demostyrelsen")
                        : institutionService.create("INST", "Min institution"));
        AppUser admin = userService.create(new NewUser("admin", "Administrator", null, true, true), password, first.id());
        userService.grant(admin.id(), first.id(), Role.ADMINISTRATOR, null);
        userService.grant(admin.id(), first.id(), Role.SECURITY_COORDINATOR, null);
    }
}

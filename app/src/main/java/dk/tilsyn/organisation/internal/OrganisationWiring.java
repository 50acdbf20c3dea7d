package dk.tilsyn.organisation.internal;

import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.web.DashboardTile;
import dk.tilsyn.platform.web.DashboardTiles;
import dk.tilsyn.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The feature's menu entry and front-page figures. */
@Configuration(proxyBeanMethods = false)
class OrganisationWiring {

    static final Set<Role> IMPORTERS = Set.of(Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR);

    @Bean
    NavigationItem organisationNavigationItem() {
        return new NavigationItem("organisation", "/organisation", "nav.organisation", 10, Set.of());
    }

    @Bean
    DashboardTiles organisationTiles(PersonRepository persons, OrgUnitRepository units) {
        return user -> List.of(
                new DashboardTile("dashboard.tile.persons", persons.count(), "/organisation/personer", 10),
                new DashboardTile("dashboard.tile.orgUnits", units.count(), "/organisation", 11),
                new DashboardTile("dashboard.tile.leavers", persons.countLeftBefore(LocalDate.now()),
                        "/organisation/personer?status=left", 12));
    }
}

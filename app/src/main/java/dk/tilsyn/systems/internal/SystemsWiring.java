package dk.tilsyn.systems.internal;

import dk.tilsyn.platform.web.DashboardTile;
import dk.tilsyn.platform.web.DashboardTiles;
import dk.tilsyn.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;

/** The feature's menu entry and front-page figure. */
@Configuration(proxyBeanMethods = false)
class SystemsWiring {

    @Bean
    NavigationItem systemsNavigationItem() {
        return new NavigationItem("systems", "/systemer", "nav.systems", 20, Set.of());
    }

    @Bean
    DashboardTiles systemsTiles(SystemRepository systems) {
        return user -> List.of(new DashboardTile("dashboard.tile.systems", systems.count(), "/systemer", 20));
    }
}

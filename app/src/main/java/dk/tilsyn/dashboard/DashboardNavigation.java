package dk.tilsyn.dashboard;

import dk.tilsyn.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class DashboardNavigation {

    @Bean
    NavigationItem dashboardNavigationItem() {
        return new NavigationItem("dashboard", "/", "nav.dashboard", 0, Set.of());
    }
}

package dk.tilsyn.administration.internal;

import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class AdministrationNavigation {

    @Bean
    NavigationItem administrationNavigationItem() {
        return new NavigationItem("administration", "/administration", "nav.administration", 90, Set.of(Role.ADMINISTRATOR));
    }
}

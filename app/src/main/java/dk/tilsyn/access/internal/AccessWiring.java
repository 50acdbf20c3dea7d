package dk.tilsyn.access.internal;

import dk.tilsyn.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The feature's menu entry. */
@Configuration(proxyBeanMethods = false)
class AccessWiring {

    @Bean
    NavigationItem accessNavigationItem() {
        return new NavigationItem("access", "/analyser", "nav.runs", 30, Set.of());
    }
}

package dk.tilsyn.platform.audittrail.web;

import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class AuditTrailNavigation {

    @Bean
    NavigationItem auditTrailNavigationItem() {
        return new NavigationItem("audittrail", "/revisionsspor", "nav.audittrail", 80,
                Set.of(Role.AUDITOR, Role.SECURITY_COORDINATOR));
    }
}

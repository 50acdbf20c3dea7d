package dk.tilsyn.platform.web;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.EnumSet;

/**
 * Sessions in the database (table {@code spring_session}, made by Flyway), shared by every instance, as Spring
 * Boot would set them up, but behind {@link CoarseAccessSessionRepository}. Declaring the repository here turns
 * Boot's JDBC session auto-configuration off; the cookie settings ({@code server.servlet.session.cookie.*}) still
 * come from Boot.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStoreConfig {

    @Bean
    CoarseAccessSessionRepository<?> sessionRepository(DataSource dataSource, PlatformTransactionManager transactions,
                                                       @Value("${spring.session.timeout}") Duration timeout) {
        // As Spring Session's own JDBC configuration: each read and write in a transaction of its own.
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        JdbcIndexedSessionRepository store = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource), transaction);
        store.setDefaultMaxInactiveInterval(timeout);
        return CoarseAccessSessionRepository.over(store);
    }

    /** Outside Spring Session's filter, on every dispatch: the store's hand-back ends with the request. */
    @Bean
    FilterRegistrationBean<SessionHandBackScope> sessionHandBackScope(CoarseAccessSessionRepository<?> sessions) {
        FilterRegistrationBean<SessionHandBackScope> registration =
                new FilterRegistrationBean<>(new SessionHandBackScope(sessions));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }
}

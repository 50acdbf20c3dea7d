package dk.tilsyn.platform.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/** Registers the one OIDC client from the issuer's discovery document, only when an issuer is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${tilsyn.oidc.issuer:}'.isBlank()")
class OidcClientConfig {

    static final String REGISTRATION_ID = "oidc";

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(OidcSettings settings) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(settings.issuer())
                .registrationId(REGISTRATION_ID)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope("openid", "profile", "email")
                .userNameAttributeName(settings.userClaim())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}

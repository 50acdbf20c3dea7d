package dk.tilsyn.platform.security;

import dk.tilsyn.platform.api.ApiProblems;
import dk.tilsyn.platform.api.ApiTokenService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The machine API's own filter chain, ahead of the browser chain: everything under {@code /api/} is authenticated
 * by an API token alone — no session is read or created, no login form, no CSRF (no cookie authenticates here, so
 * there is nothing for a forged request to ride on). The OpenAPI description is public. See decision 0008.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    static final String API_PATHS = "/api/**";
    static final String OPENAPI = "/api/v1/openapi.yaml";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens, ApiProblems problems) throws Exception {
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPENAPI).permitAll()
                        .anyRequest().hasAuthority("API_TOKEN"))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(new ApiTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(
                                new ApiProblems.Problem(HttpStatus.UNAUTHORIZED, null, "api.token.missing"), request, response))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                new ApiProblems.Problem(HttpStatus.FORBIDDEN, null, "api.forbidden"), request, response)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfig.CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}

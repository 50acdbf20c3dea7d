package dk.tilsyn.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/** Danish by default; {@code ?lang=en} switches and a cookie remembers the choice for a year. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    static final Locale DANISH = Locale.of("da");

    private final AccessInterceptor access;

    WebConfig(AccessInterceptor access) {
        this.access = access;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("TILSYN_LANG");
        resolver.setDefaultLocale(DANISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language);
        registry.addInterceptor(access).excludePathPatterns("/css/**", "/js/**", "/images/**", "/webjars/**");
    }
}

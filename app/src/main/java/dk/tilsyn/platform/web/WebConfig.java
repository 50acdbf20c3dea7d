package dk.tilsyn.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
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

    /**
     * The app's own CSS, scripts and images, one handler per folder. Spring Boot's static handler
     * ({@code spring.mvc.static-path-pattern}, a pattern with a variable for the folder) serves them too, but the
     * link rewriting of the resource chain matches it with Ant-style paths, which drop the folder: every page then
     * looked each of these files up on the classpath again, found nothing, and could not cache that — 12 % of the
     * server's CPU on a findings page (docs/performance.md, session 4). These handlers are more specific, so both
     * the requests and the link rewriting use them, and the chain caches what it found.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[]{"css", "js", "images"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
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

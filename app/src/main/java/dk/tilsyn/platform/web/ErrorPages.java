package dk.tilsyn.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.WebRequest;
import org.springframework.boot.web.error.ErrorAttributeOptions;

import java.util.Map;
import java.util.UUID;

/**
 * Every error page carries an error id; an unexpected failure is logged with that id and its stack trace, and the
 * user sees only the id and a Danish sentence (templates/error.html).
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @Bean
    ErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
                String errorId = UUID.randomUUID().toString().substring(0, 8);
                attributes.put("errorId", errorId);
                Throwable error = getError(request);
                Object status = attributes.get("status");
                if (error != null && status instanceof Integer code && code >= 500) {
                    log.error("Error id {} on {}", errorId, attributes.get("path"), error);
                } else {
                    log.info("Error id {}: status {} on {}", errorId, status, attributes.get("path"));
                }
                return attributes;
            }
        };
    }
}

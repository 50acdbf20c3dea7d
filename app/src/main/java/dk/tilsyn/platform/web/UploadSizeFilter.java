package dk.tilsyn.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses an over-size upload by its declared length before anything reads the body, and sends the user back to
 * the form, where the layout shows the Danish message. Otherwise the CSRF check would make the servlet container
 * parse the parts first, and the container's own English error page would answer. (A chunked upload without a
 * length still ends on Tilsyn's error page, status 413.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadSizeFilter extends OncePerRequestFilter {

    static final String TOO_LARGE = "forStor";

    private final long maxBytes;

    UploadSizeFilter(@Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
        this.maxBytes = maxRequestSize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/") && request.getContentLengthLong() > maxBytes) {
            // 303: the browser fetches the form again with GET; the rest of the body is discarded by the container.
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + request.getServletPath() + "?" + TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}

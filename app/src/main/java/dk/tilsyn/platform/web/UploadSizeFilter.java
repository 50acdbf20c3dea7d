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
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.util.List;

/**
 * Refuses an over-size upload by its declared length before anything reads the body, and sends the user back to
 * the form, where the layout shows the Danish message. Otherwise the CSRF check would make the servlet container
 * parse the parts first, and the container's own English error page would answer. (A chunked upload without a
 * length still ends on Tilsyn's error page, status 413.) The limit is {@code tilsyn.import.max-file-size} unless a
 * feature contributes an {@link UploadLimit} for the path (extracts have a much larger one).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadSizeFilter extends OncePerRequestFilter {

    static final String TOO_LARGE = "forStor";

    private final long defaultMaxBytes;
    private final List<Limit> limits;

    UploadSizeFilter(@Value("${tilsyn.import.max-file-size}") DataSize defaultLimit, List<UploadLimit> limits) {
        this.defaultMaxBytes = defaultLimit.toBytes();
        this.limits = limits.stream()
                .map(limit -> new Limit(PathPatternParser.defaultInstance.parse(limit.pathPattern()), limit.maxSize().toBytes()))
                .toList();
    }

    /** The largest upload accepted on a path. */
    long maxBytes(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return limits.stream().filter(limit -> limit.pattern().matches(container)).findFirst()
                .map(Limit::maxBytes).orElse(defaultMaxBytes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/") && request.getContentLengthLong() > maxBytes(request.getServletPath())) {
            // 303: the browser fetches the form again with GET; the rest of the body is discarded by the container.
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + request.getServletPath() + "?" + TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private record Limit(PathPattern pattern, long maxBytes) {
    }
}

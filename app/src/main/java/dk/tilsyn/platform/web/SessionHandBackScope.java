package dk.tilsyn.platform.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;

/**
 * Runs around Spring Session's filter and ends the session store's hand-back of a just-saved session with the request
 * (see {@link CoarseAccessSessionRepository}), so nothing of one request reaches the next one on the same thread.
 */
final class SessionHandBackScope implements Filter {

    private final CoarseAccessSessionRepository<?> sessions;

    SessionHandBackScope(CoarseAccessSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            sessions.endOfRequest();
        }
    }
}

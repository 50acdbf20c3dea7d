package dk.tilsyn.platform.web;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JDBC session store, writing a session's last-access time at most once per {@link #RESOLUTION}.
 *
 * <p>Spring Session marks a session changed on every request, because the last-access time moves, and so updates
 * and commits its row on every page view: under load that was a third of the database's work for a findings page
 * (docs/performance.md, session 4). A session lives for hours; whether it expires a minute later than it would have
 * makes no difference, so a request within a minute of the stored time leaves the row alone. Attribute changes
 * (sign-in, language, chosen institution) are still written at once.
 *
 * <p>Spring Session also reads the session a second time at the end of every request, right after saving it, only to
 * see that it still exists (spring-session issue 1731, open): a second query and transaction per page. The session
 * just saved on this thread is handed back for that one look-up instead. The hand-back lives only until the request
 * ends ({@link SessionHandBackScope} clears it around Spring Session's filter): a kept-alive connection's next
 * request can run on the same thread, and must read the store, where another request may have changed the session.
 */
final class CoarseAccessSessionRepository<S extends Session>
        implements FindByIndexNameSessionRepository<CoarseAccessSessionRepository.CoarseSession<S>>, InitializingBean,
        DisposableBean {

    static final Duration RESOLUTION = Duration.ofMinutes(1);

    /** The session this thread saved last in the current request; consumed by the next look-up. */
    private final ThreadLocal<CoarseSession<S>> justSaved = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> store;
    private final InitializingBean start;
    private final DisposableBean stop;

    /** @param store the JDBC store (its session type is not public, hence the type parameter) */
    static CoarseAccessSessionRepository<?> over(JdbcIndexedSessionRepository store) {
        return new CoarseAccessSessionRepository<>(store, store, store);
    }

    /** Over any store, for tests. */
    static <S extends Session> CoarseAccessSessionRepository<S> over(FindByIndexNameSessionRepository<S> store) {
        return new CoarseAccessSessionRepository<>(store, () -> {
        }, () -> {
        });
    }

    private CoarseAccessSessionRepository(FindByIndexNameSessionRepository<S> store, InitializingBean start,
                                          DisposableBean stop) {
        this.store = store;
        this.start = start;
        this.stop = stop;
    }

    @Override
    public CoarseSession<S> createSession() {
        return new CoarseSession<>(store.createSession());
    }

    @Override
    public void save(CoarseSession<S> session) {
        store.save(session.stored);
        justSaved.set(session);
    }

    @Override
    public CoarseSession<S> findById(String id) {
        CoarseSession<S> saved = justSaved.get();
        if (saved != null) {
            justSaved.remove();
            if (saved.getId().equals(id)) {
                return saved;
            }
        }
        S found = store.findById(id);
        return found == null ? null : new CoarseSession<>(found);
    }

    @Override
    public void deleteById(String id) {
        justSaved.remove();
        store.deleteById(id);
    }

    /** Forgets this thread's hand-back: called when a request ends. */
    void endOfRequest() {
        justSaved.remove();
    }

    @Override
    public Map<String, CoarseSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, CoarseSession<S>> found = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new CoarseSession<>(session)));
        return found;
    }

    /** Starts the store's clean-up of expired sessions. */
    @Override
    public void afterPropertiesSet() throws Exception {
        start.afterPropertiesSet();
    }

    @Override
    public void destroy() throws Exception {
        stop.destroy();
    }

    /** A stored session whose last-access time moves only in steps of {@link #RESOLUTION}. */
    static final class CoarseSession<S extends Session> implements Session {

        private final S stored;

        CoarseSession(S stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(RESOLUTION))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}

package dk.tilsyn.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-back of a just-saved session: one look-up spared, only that one, and only within the request. */
class CoarseAccessSessionRepositoryTest {

    /** A map store that counts its look-ups. */
    static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {
        final MapSessionRepository map = new MapSessionRepository(new ConcurrentHashMap<>());
        final AtomicInteger lookUps = new AtomicInteger();

        @Override
        public MapSession createSession() {
            return map.createSession();
        }

        @Override
        public void save(MapSession session) {
            map.save(session);
        }

        @Override
        public MapSession findById(String id) {
            lookUps.incrementAndGet();
            return map.findById(id);
        }

        @Override
        public void deleteById(String id) {
            map.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    @Test
    void theLookUpRightAfterASaveOnTheSameThreadIsAnsweredWithoutTheStore() {
        CountingStore store = new CountingStore();
        CoarseAccessSessionRepository<MapSession> sessions = CoarseAccessSessionRepository.over(store);
        var session = sessions.createSession();
        session.setAttribute("language", "da");
        sessions.save(session);

        assertThat(sessions.findById(session.getId())).isSameAs(session);
        assertThat(store.lookUps).hasValue(0);

        // Only that one: the next look-up reads the store again.
        assertThat(sessions.findById(session.getId()).<String>getAttribute("language")).isEqualTo("da");
        assertThat(store.lookUps).hasValue(1);
    }

    @Test
    void anotherThreadOrADeletedSessionReadTheStore() throws InterruptedException {
        CountingStore store = new CountingStore();
        CoarseAccessSessionRepository<MapSession> sessions = CoarseAccessSessionRepository.over(store);
        var first = sessions.createSession();
        var second = sessions.createSession();
        sessions.save(first);
        sessions.save(second);

        assertThat(sessions.findById(first.getId()).getId()).isEqualTo(first.getId());
        assertThat(store.lookUps).hasValue(1);

        sessions.save(first);
        var foundElsewhere = new java.util.concurrent.atomic.AtomicReference<Object>();
        Thread.ofVirtual().start(() -> foundElsewhere.set(sessions.findById(first.getId()))).join();
        assertThat(foundElsewhere.get()).isNotNull().isNotSameAs(first);
        assertThat(store.lookUps).hasValue(2);

        sessions.save(first);
        sessions.deleteById(first.getId());
        assertThat(sessions.findById(first.getId())).isNull();
        assertThat(store.lookUps).hasValue(3);
    }

    @Test
    void theHandBackEndsWithTheRequestEvenWhenItFails() {
        CountingStore store = new CountingStore();
        CoarseAccessSessionRepository<MapSession> sessions = CoarseAccessSessionRepository.over(store);
        var session = sessions.createSession();
        SessionHandBackScope scope = new SessionHandBackScope(sessions);

        // A request that saves the session and then fails: the hand-back is gone when the request is over.
        assertThatThrownBy(() -> scope.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> {
                    sessions.save(session);
                    throw new IllegalStateException("the page failed");
                })).hasMessage("the page failed");
        // The next request on the same thread (a kept-alive connection) reads the store, where another request may
        // have changed the session meanwhile.
        MapSession changedElsewhere = store.map.findById(session.getId());
        changedElsewhere.setAttribute("language", "en");
        store.map.save(changedElsewhere);
        store.lookUps.set(0);
        assertThat(sessions.findById(session.getId())).isNotSameAs(session)
                .extracting(found -> found.<String>getAttribute("language")).isEqualTo("en");
        assertThat(store.lookUps).hasValue(1);
    }
}

package dk.tilsyn.bench.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * N users, each a virtual thread with its own signed-in session, asking for the findings list and a person page in
 * turn at random, with no think time (a closed loop: each user sends its next request when the last one is
 * answered). A warm-up is run first and not recorded.
 */
public final class LoadTest {

    private static final String PAGE_OK = "id=\"run-status\"";
    private static final String PERSON_OK = "<h1>";

    public record Settings(int users, int warmupSeconds, int seconds, long seed) {
    }

    public record Outcome(Latencies findingsList, Latencies personPage, Phase.Result timing) {
    }

    private final Settings settings;
    private final Supplier<BrowserSession> signIn;
    private final FindingQueries queries;
    private final List<String> persons;
    private final Long serverPid;

    public LoadTest(Settings settings, Supplier<BrowserSession> signIn, FindingQueries queries, List<String> persons,
                    Long serverPid) {
        this.settings = settings;
        this.signIn = signIn;
        this.queries = queries;
        this.persons = persons;
        this.serverPid = serverPid;
    }

    public Outcome run() throws InterruptedException {
        List<BrowserSession> sessions = new ArrayList<>();
        for (int i = 0; i < settings.users(); i++) {
            sessions.add(signIn.get());
        }
        if (settings.warmupSeconds() > 0) {
            System.out.printf("Warm-up: %d users for %d s ...%n", settings.users(), settings.warmupSeconds());
            drive(sessions, settings.warmupSeconds(), settings.seed() + 1_000);
        }
        System.out.printf("Measuring: %d users for %d s ...%n", settings.users(), settings.seconds());
        Phase phase = Phase.start("load", serverPid);
        List<Latencies[]> perUser = drive(sessions, settings.seconds(), settings.seed());
        Phase.Result timing = phase.stop();
        Latencies list = new Latencies();
        Latencies person = new Latencies();
        for (Latencies[] user : perUser) {
            list.addAll(user[0]);
            person.addAll(user[1]);
        }
        return new Outcome(list, person, timing);
    }

    private List<Latencies[]> drive(List<BrowserSession> sessions, int seconds, long seed) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Latencies[]> results = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(sessions.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < sessions.size(); i++) {
            Latencies[] mine = {new Latencies(), new Latencies()};
            results.add(mine);
            BrowserSession session = sessions.get(i);
            SplittableRandom random = new SplittableRandom(seed + i);
            Thread.ofVirtual().name("user-" + i).start(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        request(session, random, mine);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        if (failure.get() != null) {
            throw new BenchFailure("A user failed: " + failure.get());
        }
        return results;
    }

    private void request(BrowserSession session, RandomGenerator random, Latencies[] into) {
        boolean list = random.nextBoolean();
        String path = list ? queries.next(random) : "/personadgang/" + persons.get(random.nextInt(persons.size()));
        long start = System.nanoTime();
        HttpResponse<String> answer = session.get(path);
        long elapsed = System.nanoTime() - start;
        Latencies target = into[list ? 0 : 1];
        if (answer.statusCode() == 200 && answer.body().contains(list ? PAGE_OK : PERSON_OK)) {
            target.add(elapsed);
        } else {
            target.error();
            if (target.errors() <= 3) {
                System.err.println("Unexpected answer " + answer.statusCode() + " to " + path);
            }
        }
    }
}

package dk.tilsyn.bench;

import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.analysis.ProposedAssignment;
import dk.tilsyn.engine.analysis.Subject;
import dk.tilsyn.engine.pipeline.AnalysisRequest;
import dk.tilsyn.engine.pipeline.SystemFile;
import dk.tilsyn.engine.pipeline.WhatIfIndex;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The preventive check's in-memory part on a generated set: reading a run's persons and extracts into a
 * {@link WhatIfIndex} (what the app does once per institution and run), then 20,000 checks after 2,000 warm-up —
 * look up the person, pick the account, evaluate — as the endpoint does per call. Nothing is asserted.
 *
 * <pre>java -Xmx2g -cp … dk.tilsyn.bench.WhatIfIndexBench /tmp/large</pre>
 */
public final class WhatIfIndexBench {

    private static final int CALLS = 20_000;

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "bench/target/large");
        List<SystemFile> extracts;
        try (Stream<Path> files = Files.list(folder.resolve("extracts"))) {
            extracts = files.filter(f -> f.toString().endsWith(".csv")).sorted()
                    .map(f -> new SystemFile(f.getFileName().toString().replace(".csv", ""), f)).toList();
        }
        AnalysisRequest request = new AnalysisRequest(folder.resolve("persons.csv"), extracts, List.of(), List.of(),
                List.of(), null, Map.of(), null, Set.of(), SyntheticDataGenerator.AS_OF);
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            WhatIfIndex index = WhatIfIndex.load(request);
            System.out.printf("load %d: %.2f s (%,d persons, %d extracts)%n", round, (System.nanoTime() - start) / 1e9,
                    index.personCount(), extracts.size());
            if (round == 2) {
                checks(index);
            }
        }
    }

    private static void checks(WhatIfIndex index) {
        SplittableRandom random = new SplittableRandom(42);
        String[][] grants = {{"rejsud", "Godkender"}, {"navision", "NS_BOGHOLDER"}, {"navision", "NS_BETALING"},
                {"district", "Alene"}, {"indfak", "Lokal systemadministrator"}};
        int persons = index.personCount();
        long[] nanos = new long[CALLS];
        long created = 0;
        for (int i = -2_000; i < CALLS; i++) {
            String person = "P%06d".formatted(1 + random.nextInt(persons));
            String[] grant = grants[random.nextInt(grants.length)];
            long start = System.nanoTime();
            Subject subject = index.person(person).orElse(null);
            int found = 0;
            if (subject != null) {
                List<String> accounts = index.accountsIn(subject, grant[0]);
                String account = accounts.isEmpty() ? "(ny konto)" : accounts.getFirst();
                found = index.whatIf(subject, new ProposedAssignment(grant[0], account, grant[1],
                        "Alene".equals(grant[1]) ? EntitlementType.MANDATE : EntitlementType.ROLE,
                        BigDecimal.valueOf(100_000))).size();
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
                created += found;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("checks: %,d after 2,000 warm-up: p50 %.3f ms, p99 %.3f ms, max %.3f ms; %,d new findings%n",
                CALLS, nanos[CALLS / 2] / 1e6, nanos[CALLS * 99 / 100] / 1e6, nanos[CALLS - 1] / 1e6, created);
    }
}

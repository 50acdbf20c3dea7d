package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountType;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.rules.RuleSet;
import dk.tilsyn.engine.rules.RuleSetLoader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Non-asserting timing harness (speed is measured, never asserted): 100,000 persons, 25 systems, 5,000,000
 * assignments. Run: {@code java -Xmx6g -cp <test classpath> dk.tilsyn.engine.analysis.AnalysisTiming}.
 */
public final class AnalysisTiming {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final String[][] REAL = {
            {"rejsud", "Rejsende", "Godkender", "Lokal systemadministrator"},
            {"indfak", "Indkøber", "Rekvirent", "Disponent Ordre", "Disponent Faktura", "Lokal systemadministrator"},
            {"navision", "NS_BOGHOLDER", "NS_BETALING", "SUPER", "SUPER(DATA)"},
            {"district", "A", "B", "C", "Alene", "Aftaleadministrator"},
            {"nemkonto", "Sagsbehandler"}};

    private AnalysisTiming() {
    }

    public static void main(String[] args) {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        RuleSet rules = RuleSetLoader.bundled().load(new RuleSetLoader.Source("timing", layer()));
        long t0 = System.nanoTime();
        Analyzer analyzer = new Analyzer(rules);
        System.out.printf("compile: %.1f ms, %d systems, %d functions, %d rules%n", (System.nanoTime() - t0) / 1e6,
                rules.systems().size(), rules.functions().size(), rules.rules().size());
        List<Subject> subjects = generate(persons, new SplittableRandom(42));
        long assignments = subjects.stream().flatMap(s -> s.accounts().stream())
                .mapToLong(a -> a.assignments().size()).sum();
        System.out.printf("data: %d subjects, %d accounts, %d assignments%n", subjects.size(),
                subjects.stream().mapToLong(s -> s.accounts().size()).sum(), assignments);
        for (int run = 1; run <= 5; run++) {
            long start = System.nanoTime();
            List<Finding> findings = analyzer.analyse(subjects, AS_OF);
            System.out.printf("full analysis run %d: %.0f ms, %d findings%n", run, (System.nanoTime() - start) / 1e6,
                    findings.size());
        }
        whatIf(analyzer, subjects);
    }

    private static void whatIf(Analyzer analyzer, List<Subject> subjects) {
        SplittableRandom random = new SplittableRandom(7);
        int calls = 20_000;
        long[] nanos = new long[calls];
        for (int i = 0; i < calls + 5_000; i++) {
            Subject subject = subjects.get(random.nextInt(subjects.size()));
            Account target = subject.accounts().get(random.nextInt(subject.accounts().size()));
            ProposedAssignment grant = new ProposedAssignment(target.system(), target.account(), "Godkender",
                    EntitlementType.ROLE, null);
            long start = System.nanoTime();
            analyzer.whatIf(subject, grant, AS_OF);
            if (i >= 5_000) {
                nanos[i - 5_000] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("what-if: p50 %.1f µs, p99 %.1f µs, max %.1f µs%n", nanos[calls / 2] / 1e3,
                nanos[calls * 99 / 100] / 1e3, nanos[calls - 1] / 1e3);
    }

    /** 20 synthetic systems on top of the default set's 5 (+ sap), each with a setup and a transaction role. */
    private static String layer() {
        StringBuilder yaml = new StringBuilder("id: timing\nversion: '1'\nextends: oes-udbetalingsproces\nsystems:\n");
        for (int s = 0; s < 19; s++) {
            yaml.append("  - id: sys").append(s).append("\n    name: System ").append(s).append("\n    functions:\n")
                    .append("      - {id: admin, title: Admin, privileged: true, tags: [privileged, setup], grant: {entitlement: ADMIN}}\n")
                    .append("      - {id: book, title: Book, tags: [transaction], grant: {all-of: [{entitlement: [BOOK, BOOK2]}, {entitlement_type: prokura, amount_limit: '> 0'}]}}\n")
                    .append("      - {id: view, title: View, grant: {entitlement: VIEW}}\n");
        }
        return yaml.toString();
    }

    private static List<Subject> generate(int persons, SplittableRandom random) {
        Assignment[][] pools = pools(random);
        List<Subject> subjects = new ArrayList<>(persons);
        for (int p = 0; p < persons; p++) {
            List<Account> accounts = new ArrayList<>();
            int systems = 8 + random.nextInt(5);
            List<Integer> chosen = new ArrayList<>();
            while (chosen.size() < systems) {
                int candidate = random.nextInt(pools.length);
                if (!chosen.contains(candidate)) {
                    chosen.add(candidate);
                }
            }
            for (int a = 0; a < systems; a++) {
                int system = chosen.get(a);
                int perAccount = 50 / systems + (a < 50 % systems ? 1 : 0);
                List<Assignment> assignments = new ArrayList<>(perAccount);
                for (int i = 0; i < perAccount; i++) {
                    assignments.add(pools[system][random.nextInt(pools[system].length)]);
                }
                accounts.add(new Account(systemId(system), "u" + p, "P" + p, "u" + p, null, null,
                        AccountType.PERSONAL, true, assignments, List.of()));
            }
            subjects.add(Subject.person("P" + p, accounts));
        }
        return subjects;
    }

    /** Per system a pool of distinct assignment rows: mostly irrelevant names, some that grant functions. */
    private static Assignment[][] pools(SplittableRandom random) {
        Assignment[][] pools = new Assignment[25][];
        for (int s = 0; s < 25; s++) {
            List<String> names = new ArrayList<>();
            if (s < REAL.length) {
                names.addAll(List.of(REAL[s]).subList(1, REAL[s].length));
            } else {
                names.addAll(List.of("ADMIN", "BOOK", "BOOK2", "VIEW"));
            }
            Assignment[] pool = new Assignment[20_000];
            for (int i = 0; i < pool.length; i++) {
                boolean relevant = random.nextInt(100) < 3;
                String name = relevant ? names.get(random.nextInt(names.size())) : "ROLE_" + s + "_" + random.nextInt(300);
                EntitlementType type = random.nextInt(10) == 0 ? EntitlementType.PROKURA
                        : s == 3 && relevant ? EntitlementType.MANDATE : EntitlementType.ROLE;
                BigDecimal amount = type == EntitlementType.ROLE ? null : BigDecimal.valueOf(random.nextInt(3) * 5000L);
                LocalDate validTo = random.nextInt(20) == 0 ? AS_OF.minusDays(3) : null;
                pool[i] = new Assignment(name, type, amount, null, validTo, null, null,
                        new SourceRef(systemId(s) + ".csv", s * 100_000L + i));
            }
            pools[s] = pool;
        }
        return pools;
    }

    private static String systemId(int index) {
        return index < REAL.length ? REAL[index][0] : index == 5 ? "sap" : "sys" + (index - 6);
    }
}

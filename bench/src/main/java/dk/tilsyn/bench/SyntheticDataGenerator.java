package dk.tilsyn.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a deterministic synthetic data set — persons, one access extract and one change log per system — in the
 * canonical formats of docs/formats.md. The same size and seed always give byte-identical files.
 *
 * <p>Realism where the engine cares: most accounts correlate by person_id, username or e-mail (mixed), about 1 % are
 * orphans, some persons have left, some accounts are robots or service accounts, and the payment systems use the
 * entitlement names of the default rule set so that conflicts occur at a plausible rate.
 */
public final class SyntheticDataGenerator {

    static final LocalDate AS_OF = LocalDate.of(2026, 10, 1);
    private static final String[] FIRST = {"Anne", "Mette", "Søren", "Jens", "Lars", "Kirsten", "Hanne", "Peter",
            "Mads", "Camilla", "Louise", "Rasmus", "Ida", "Sofie", "Mikkel", "Julie", "Thomas", "Line", "Morten", "Åse"};
    private static final String[] LAST = {"Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen",
            "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Møller", "Bæk"};
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final SyntheticSize size;
    private final long seed;

    public SyntheticDataGenerator(SyntheticSize size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    public GeneratedSet writeTo(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("extracts"));
        Files.createDirectories(folder.resolve("changelogs"));
        Path persons = folder.resolve("persons.csv");
        writePersons(persons);
        Map<String, Path> extracts = new LinkedHashMap<>();
        Map<String, Path> changeLogs = new LinkedHashMap<>();
        long rowsLeft = size.assignmentRows();
        int accountsLeft = size.accounts();
        for (int s = 0; s < size.systems(); s++) {
            String system = EntitlementCatalog.systemId(s);
            int systemsLeft = size.systems() - s;
            int accounts = accountsLeft / systemsLeft;
            long rows = rowsLeft / systemsLeft;
            Path extract = folder.resolve("extracts").resolve(system + ".csv");
            long written = new ExtractWriter(system, s, accounts, rows, new SplittableRandom(seed * 31 + s)).write(extract);
            extracts.put(system, extract);
            Path log = folder.resolve("changelogs").resolve(system + ".csv");
            writeChangeLog(log, system, accounts, new SplittableRandom(seed * 131 + s));
            changeLogs.put(system, log);
            rowsLeft -= written;
            accountsLeft -= accounts;
        }
        return new GeneratedSet(persons, extracts, changeLogs, size.persons(), size.accounts(), size.assignmentRows() - rowsLeft);
    }

    private void writePersons(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = writer(file)) {
            out.write("person_id;name;email;username;org_unit;manager_id;employment_end\r\n");
            for (int i = 0; i < size.persons(); i++) {
                String unit = "U" + (i % 200);
                String manager = i % 200 == i ? "" : personId(i % 200);
                // About 2 % have left, half of them before the as-of date the benchmark uses.
                String end = random.nextInt(100) < 2 ? AS_OF.plusDays(random.nextInt(-180, 180)).format(DANISH_DATE) : "";
                out.write(personId(i) + ';' + name(i) + ';' + email(i) + ';' + username(i) + ';' + unit + ';'
                        + manager + ';' + end + "\r\n");
            }
        }
    }

    private void writeChangeLog(Path file, String system, int accounts, SplittableRandom random) throws IOException {
        List<EntitlementCatalog.Entitlement> catalog = EntitlementCatalog.of(system);
        LocalDateTime start = AS_OF.atStartOfDay().minusDays(90);
        try (BufferedWriter out = writer(file)) {
            out.write("time;actor;action;target;entitlement;entitlement_type;amount_limit\r\n");
            for (int i = 0; i < size.changeEvents(); i++) {
                LocalDateTime time = start.plusMinutes((long) i * 90 * 24 * 60 / size.changeEvents());
                // Nearly all grants come through the IGA robot; the rest are made directly by local administrators.
                String actor = random.nextInt(100) < 95 ? "iga-robot" : "admin" + random.nextInt(5);
                String target = username(personOf(system.hashCode() & 0xffff, random.nextInt(accounts)));
                EntitlementCatalog.Entitlement e = catalog.get(random.nextInt(catalog.size()));
                String action = random.nextInt(10) == 0 ? "revoke" : "grant";
                out.write(time + ";" + actor + ';' + action + ';' + target + ';' + e.name() + ';' + e.type() + ';'
                        + (e.amount() == null ? "" : e.amount()) + "\r\n");
            }
        }
    }

    /** Writes one system's extract; returns the number of assignment rows written. */
    private final class ExtractWriter {
        private final String system;
        private final int systemIndex;
        private final int accounts;
        private final long rows;
        private final SplittableRandom random;
        private final List<EntitlementCatalog.Entitlement> catalog;
        private final int[] cumulative;

        ExtractWriter(String system, int systemIndex, int accounts, long rows, SplittableRandom random) {
            this.system = system;
            this.systemIndex = systemIndex;
            this.accounts = accounts;
            this.rows = rows;
            this.random = random;
            this.catalog = EntitlementCatalog.of(system);
            this.cumulative = new int[catalog.size()];
            int sum = 0;
            for (int i = 0; i < catalog.size(); i++) {
                sum += catalog.get(i).weight();
                cumulative[i] = sum;
            }
        }

        long write(Path file) throws IOException {
            long written = 0;
            try (BufferedWriter out = writer(file)) {
                out.write("account;person_id;username;email;name;account_type;status;entitlement;entitlement_type;"
                        + "amount_limit;valid_from;valid_to;assigned_by;assigned_at\r\n");
                for (int a = 0; a < accounts; a++) {
                    // Payment-system users hold a few rights each, drawn by weight, as in real institutions; the
                    // generic systems take the rest of the row budget, spread evenly.
                    long perAccount = paymentSystem()
                            ? 1 + random.nextInt(Math.min(3, catalog.size()))
                            : Math.max(1, Math.min(catalog.size(), (rows - written) / (accounts - a)));
                    written += writeAccount(out, a, (int) perAccount);
                }
            }
            return written;
        }

        private int writeAccount(BufferedWriter out, int a, int entitlements) throws IOException {
            int person = personOf(systemIndex, a);
            int kind = random.nextInt(1000);
            String accountName;
            String identity;
            String type = "personal";
            if (kind < 10) {
                accountName = system + "-ukendt-" + a;
                identity = ";;;";
            } else if (kind < 15) {
                accountName = system + "-robot-" + a;
                type = random.nextBoolean() ? "robot" : "service";
                identity = (random.nextBoolean() ? personId(person) : "") + ";;;";
            } else {
                accountName = username(person).toLowerCase() + (systemIndex % 3 == 0 ? "" : "@" + system);
                identity = switch (kind % 3) {
                    case 0 -> personId(person) + ";;;" + name(person);
                    case 1 -> ";" + username(person) + ";;" + name(person);
                    default -> ";;" + email(person) + ";" + name(person);
                };
            }
            String status = random.nextInt(100) < 3 ? "inactive" : "active";
            String prefix = accountName + ';' + identity + ';' + type + ';' + status + ';';
            int first = random.nextInt(catalog.size());
            java.util.Set<EntitlementCatalog.Entitlement> chosen = new java.util.LinkedHashSet<>();
            for (int k = 0; k < entitlements; k++) {
                EntitlementCatalog.Entitlement e = k == 0 || paymentSystem() ? pick() : catalog.get((first + k) % catalog.size());
                if (!chosen.add(e)) {
                    continue; // a weighted draw may repeat; the account simply holds fewer rights
                }
                String validTo = random.nextInt(50) == 0 ? AS_OF.minusDays(random.nextInt(1, 400)).toString() : "";
                out.write(prefix + e.name() + ';' + e.type() + ';' + (e.amount() == null ? "" : e.amount())
                        + ";2024-01-01;" + validTo + ";iga-robot;2024-01-01\r\n");
            }
            return chosen.size();
        }

        private boolean paymentSystem() {
            return systemIndex < EntitlementCatalog.PAYMENT_SYSTEMS.size();
        }

        private EntitlementCatalog.Entitlement pick() {
            int r = random.nextInt(cumulative[cumulative.length - 1]);
            for (int i = 0; i < cumulative.length; i++) {
                if (r < cumulative[i]) {
                    return catalog.get(i);
                }
            }
            return catalog.getLast();
        }
    }

    /** The a-th account holder of a system: a fixed stride through the persons, so holders are distinct per system. */
    private int personOf(int systemIndex, int a) {
        long stride = 7919L + 2L * systemIndex;
        while (gcd(stride, size.persons()) != 1) {
            stride++;
        }
        return (int) ((systemIndex * 104_729L + a * stride) % size.persons());
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    static String personId(int i) {
        return String.format("P%06d", i + 1);
    }

    static String name(int i) {
        return FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
    }

    static String username(int i) {
        return "U" + (i + 1);
    }

    static String email(int i) {
        return "bruger" + (i + 1) + "@institution.dk";
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}

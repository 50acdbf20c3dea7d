package dk.tilsyn.bench.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the machine was doing: the load average, and the CPU time the server process has used (Linux /proc). */
public final class Machine {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private Machine() {
    }

    /** "1-min 5-min 15-min" from /proc/loadavg, or "n/a". */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** Busy and total CPU seconds of the whole machine so far (all cores), from /proc/stat; NaN when unknown. */
    public static double[] machineCpuSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[]{(total - idle) / CLOCK_TICKS_PER_SECOND, total / CLOCK_TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new double[]{Double.NaN, Double.NaN};
        }
    }

    /**
     * CPU seconds per PostgreSQL backend serving the given database, keyed by pid (its process title names the
     * database: "postgres: 15/main: user db host(port) state").
     */
    public static java.util.Map<Long, Double> databaseBackends(String database) {
        java.util.Map<Long, Double> backends = new java.util.HashMap<>();
        if (database == null) {
            return backends;
        }
        try (var procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String title = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    if (title.startsWith("postgres: ") && title.contains(" " + database + " ")) {
                        long pid = Long.parseLong(p.getFileName().toString());
                        backends.put(pid, cpuSeconds(pid));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            });
        } catch (IOException e) {
            return backends;
        }
        return backends;
    }

    /** CPU the backends used between two looks; a backend new since the first look counts from zero. */
    public static double databaseCpuBetween(java.util.Map<Long, Double> before, java.util.Map<Long, Double> after) {
        double sum = 0;
        for (var backend : after.entrySet()) {
            sum += backend.getValue() - before.getOrDefault(backend.getKey(), 0.0);
        }
        return sum;
    }

    /** User + system CPU seconds of a process, or NaN when unknown (no pid given, not Linux). */
    public static double cpuSeconds(Long pid) {
        if (pid == null) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

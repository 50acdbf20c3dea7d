package dk.tilsyn.bench.web;

/**
 * A timed part of the bench: wall time, and — because other work shares the machine — the server's CPU time and
 * how busy the whole machine was meanwhile.
 */
public final class Phase {

    private final String name;
    private final Long serverPid;
    private final String loadAtStart;
    private final long startNanos;
    private final double serverCpuAtStart;
    private final double[] machineAtStart;
    private final java.util.Map<Long, Double> databaseAtStart;
    private static volatile String database;

    private Phase(String name, Long serverPid) {
        this.name = name;
        this.serverPid = serverPid;
        this.loadAtStart = Machine.loadAverage();
        this.serverCpuAtStart = Machine.cpuSeconds(serverPid);
        this.machineAtStart = Machine.machineCpuSeconds();
        this.databaseAtStart = Machine.databaseBackends(database);
        this.startNanos = System.nanoTime();
    }

    /** The database whose PostgreSQL backends' CPU time is reported (null: not reported). */
    public static void watchDatabase(String name) {
        database = name;
    }

    public static Phase start(String name, Long serverPid) {
        return new Phase(name, serverPid);
    }

    public Result stop() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double[] machine = Machine.machineCpuSeconds();
        double busy = machine[0] - machineAtStart[0];
        double total = machine[1] - machineAtStart[1];
        double databaseCpu = database == null ? Double.NaN
                : Machine.databaseCpuBetween(databaseAtStart, Machine.databaseBackends(database));
        return new Result(name, wall, Machine.cpuSeconds(serverPid) - serverCpuAtStart, databaseCpu,
                total > 0 ? 100.0 * busy / total : Double.NaN, loadAtStart);
    }

    /**
     * @param machineBusyPercent share of all cores busy during the phase (every process, the bench and other
     *                           engineers' builds included)
     */
    public record Result(String name, double wallSeconds, double serverCpuSeconds, double databaseCpuSeconds,
                         double machineBusyPercent, String loadAtStart) {

        public Result plus(String newName, Result other) {
            return new Result(newName, wallSeconds + other.wallSeconds, serverCpuSeconds + other.serverCpuSeconds,
                    databaseCpuSeconds + other.databaseCpuSeconds,
                    (machineBusyPercent * wallSeconds + other.machineBusyPercent * other.wallSeconds)
                            / (wallSeconds + other.wallSeconds), loadAtStart);
        }
    }
}

package dk.tilsyn.bench.web;

import java.util.Arrays;

/** Response times of one kind of request, in nanoseconds; percentiles by the nearest-rank method. */
public final class Latencies {

    private long[] values = new long[1024];
    private int count;
    private int errors;

    public void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    public void error() {
        errors++;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
        errors += other.errors;
    }

    public int count() {
        return count;
    }

    public int errors() {
        return errors;
    }

    /** The p-th percentile (0 &lt; p ≤ 100) in milliseconds. */
    public double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    public double maxMillis() {
        return percentileMillis(100);
    }

    public double meanMillis() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return count == 0 ? Double.NaN : sum / 1e6 / count;
    }
}

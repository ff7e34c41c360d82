package org.fedoraproject.packages.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Latency percentiles (nearest rank) over nanosecond samples, printed in milliseconds. */
record Stats(int n, double p50, double p95, double p99, double max) {

    static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Stats ofNanos(Collection<Long> nanos) {
        if (nanos.isEmpty()) {
            return EMPTY;
        }
        double[] ms = nanos.stream().mapToDouble(v -> v / 1e6).toArray();
        Arrays.sort(ms);
        return new Stats(ms.length, rank(ms, 0.50), rank(ms, 0.95), rank(ms, 0.99), ms[ms.length - 1]);
    }

    private static double rank(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** A duration in ms: one decimal below 10 ms (the references), none above. */
    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    /** a / b as "12.3x", or "-" when either is missing. */
    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0fx", a / b);
    }
}

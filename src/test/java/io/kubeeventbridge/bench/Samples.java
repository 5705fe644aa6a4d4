package io.kubeeventbridge.bench;

import java.util.Arrays;

/** A benchmark's measurements, sorted once: median, percentiles and maximum. */
public final class Samples {

    private final double[] sorted;

    public Samples(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** The nearest-rank percentile: the smallest sample at least {@code percent} of the samples do not exceed. */
    public double percentile(double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double median() {
        return percentile(50);
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    public int size() {
        return sorted.length;
    }
}

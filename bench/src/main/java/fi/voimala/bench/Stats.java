package fi.voimala.bench;

import java.util.Arrays;

/** Percentiles of measured durations (nearest rank, as wrk and HdrHistogram report them). */
public record Stats(int count, double p50, double p90, double p99, double p999, double max, double mean) {

    /** The statistics of {@code values}, in the values' own unit. */
    public static Stats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values measured");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Stats(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), rank(sorted, 99.9),
                sorted[sorted.length - 1], sum / sorted.length);
    }

    /** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
    static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Median of a few repeated runs' figures: one disturbed run does not move it. */
    public static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

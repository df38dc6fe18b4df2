package io.github.kinesisfanout.operations.verify;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of latencies, the way load tools usually report p50 and p99. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param values the latencies in milliseconds
     * @param percentile from 0 (exclusive) to 100
     * @return the smallest value at or above that share of the values, or null when there are none
     */
    static Long of(Collection<Long> values, double percentile) {
        if (values.isEmpty()) {
            return null;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}

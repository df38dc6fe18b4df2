package io.github.kinesisfanout.operations.verify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Put-to-output latencies counted over fixed buckets on a 1-2-5 scale, from below zero (possible
 * when latencies start at the manifest's put times, on another clock) to ten seconds and over.
 */
final class LatencyHistogram {

    /** The buckets' lower bounds in milliseconds after the first ({@code < 0}); each holds its lower bound. */
    static final long[] BOUNDS = {0, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000};

    /** One bucket: its label and how many latencies fell in it. */
    record Bucket(String label, int count) {
    }

    private LatencyHistogram() {
    }

    /** Every bucket in order, empty ones included, so two reports always show the same axis. */
    static List<Bucket> of(Collection<Long> latenciesMillis) {
        int[] counts = new int[BOUNDS.length + 1];
        for (long latency : latenciesMillis) {
            int bucket = 0;
            while (bucket < BOUNDS.length && latency >= BOUNDS[bucket]) {
                bucket++;
            }
            counts[bucket]++;
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            buckets.add(new Bucket(label(i), counts[i]));
        }
        return buckets;
    }

    private static String label(int bucket) {
        if (bucket == 0) {
            return "<0";
        }
        if (bucket == BOUNDS.length) {
            return "\u2265" + millis(BOUNDS[bucket - 1]);
        }
        return millis(BOUNDS[bucket - 1]) + "\u2013" + millis(BOUNDS[bucket]);
    }

    private static String millis(long value) {
        return value >= 1_000 ? value / 1_000 + "k" : Long.toString(value);
    }
}

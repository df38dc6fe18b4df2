package io.github.kinesisfanout.operations.putrecords;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Paces sends to at most a number of records per second over the whole run (0 = no limit). */
final class RateLimiter {

    private final double recordsPerSecond;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long start = -1;
    private long granted;

    RateLimiter(double recordsPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        this.recordsPerSecond = recordsPerSecond;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** Waits until {@code records} more records may go out. */
    void acquire(int records) {
        if (recordsPerSecond <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (start < 0) {
            start = now;
        }
        long due = start + (long) (granted / recordsPerSecond * 1e9);
        if (due > now) {
            sleeper.sleep(Duration.ofNanos(due - now));
        }
        granted += records;
    }
}

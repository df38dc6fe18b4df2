package io.github.kinesisfanout.operations.putrecords;

import java.time.Duration;

/**
 * Exponential backoff with a cap: base, 2 x base, 4 x base, ... never more than the cap, as the
 * Kinesis developer guide advises for records a partial PutRecords failure rejected.
 */
public record Backoff(Duration base, Duration cap) {

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = base.toMillis() << shift;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}

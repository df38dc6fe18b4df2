package io.github.kinesisfanout.local.lambda;

import java.time.Duration;

/**
 * Timing of the local Lambda.
 *
 * @param stateDelay how long a function stays {@code Pending} and a mapping {@code Creating}
 *     (0: they are {@code Active}/{@code Enabled} at once, as tests want)
 * @param pollInterval how often an event source mapping polls an idle shard when no new-data
 *     signal wakes it (Lambda polls about once a second)
 * @param retryDelay the pause before a failed batch is retried
 */
public record LambdaSettings(Duration stateDelay, Duration pollInterval, Duration retryDelay) {

    /** Immediate state transitions, 200 ms polling, 100 ms between retries. */
    public static LambdaSettings defaults() {
        return new LambdaSettings(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(100));
    }

    /** These settings with another state transition delay. */
    public LambdaSettings withStateDelay(Duration delay) {
        return new LambdaSettings(delay, pollInterval, retryDelay);
    }
}

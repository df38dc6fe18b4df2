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
 * @param logsToConsole whether each function log line is also printed on the local cloud's console
 *     (it always goes to CloudWatch Logs {@code /aws/lambda/NAME}, as on AWS)
 */
public record LambdaSettings(Duration stateDelay, Duration pollInterval, Duration retryDelay, boolean logsToConsole) {

    /** Settings whose function log lines are also printed on the console. */
    public LambdaSettings(Duration stateDelay, Duration pollInterval, Duration retryDelay) {
        this(stateDelay, pollInterval, retryDelay, true);
    }

    /** Immediate state transitions, 200 ms polling, 100 ms between retries, log lines on the console. */
    public static LambdaSettings defaults() {
        return new LambdaSettings(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(100), true);
    }

    /** These settings with another state transition delay. */
    public LambdaSettings withStateDelay(Duration delay) {
        return new LambdaSettings(delay, pollInterval, retryDelay, logsToConsole);
    }

    /** These settings with function log lines printed on the console, or only kept in CloudWatch Logs. */
    public LambdaSettings withLogsToConsole(boolean console) {
        return new LambdaSettings(stateDelay, pollInterval, retryDelay, console);
    }
}

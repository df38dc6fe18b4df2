package io.github.kinesisfanout.local.lambda;

import io.github.kinesisfanout.local.FaultDice;
import java.time.Duration;

/**
 * Timing of the local Lambda, and its opt-in invocation failures.
 *
 * @param stateDelay how long a function stays {@code Pending} and a mapping {@code Creating}
 *     (0: they are {@code Active}/{@code Enabled} at once, as tests want)
 * @param pollInterval how often an event source mapping polls an idle shard when no new-data
 *     signal wakes it (Lambda polls about once a second)
 * @param retryDelay the pause before a failed batch is retried
 * @param logsToConsole whether each function log line is also printed on the local cloud's console
 *     (it always goes to CloudWatch Logs {@code /aws/lambda/NAME}, as on AWS)
 * @param mappingInvocationFailureRate probability (0..1) that an event source mapping's invocation
 *     fails before the handler runs, as a function error
 * @param faults the draws deciding which invocations fail
 */
public record LambdaSettings(Duration stateDelay, Duration pollInterval, Duration retryDelay, boolean logsToConsole,
        double mappingInvocationFailureRate, FaultDice faults) {

    /** Settings with no injected invocation failures. */
    public LambdaSettings(Duration stateDelay, Duration pollInterval, Duration retryDelay, boolean logsToConsole) {
        this(stateDelay, pollInterval, retryDelay, logsToConsole, 0, FaultDice.unseeded());
    }

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
        return new LambdaSettings(delay, pollInterval, retryDelay, logsToConsole, mappingInvocationFailureRate, faults);
    }

    /** These settings with function log lines printed on the console, or only kept in CloudWatch Logs. */
    public LambdaSettings withLogsToConsole(boolean console) {
        return new LambdaSettings(stateDelay, pollInterval, retryDelay, console, mappingInvocationFailureRate, faults);
    }

    /** These settings with event source mapping invocations failing at this rate, drawn from these dice. */
    public LambdaSettings withMappingInvocationFailures(double rate, FaultDice dice) {
        return new LambdaSettings(stateDelay, pollInterval, retryDelay, logsToConsole, rate, dice);
    }
}

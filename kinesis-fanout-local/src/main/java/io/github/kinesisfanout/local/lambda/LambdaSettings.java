package io.github.kinesisfanout.local.lambda;

import io.github.kinesisfanout.local.FaultDice;
import java.time.Duration;

/**
 * The local Lambda's own timing and its opt-in invocation failures. How long a function stays
 * {@code Pending} and a mapping {@code Creating} is the cloud's status-transition delay, from the
 * {@link io.github.kinesisfanout.local.ServiceContext} like every service's.
 *
 * @param pollInterval how often an event source mapping polls an idle shard when no new-data
 *     signal wakes it (Lambda polls about once a second)
 * @param retryDelay the pause before a failed batch is retried
 * @param logsToConsole whether each function log line is also printed on the local cloud's console
 *     (it always goes to CloudWatch Logs {@code /aws/lambda/NAME}, as on AWS)
 * @param mappingInvocationFailureRate probability (0..1) that an event source mapping's invocation
 *     fails before the handler runs, as a function error
 * @param faults the draws deciding which invocations fail
 */
public record LambdaSettings(Duration pollInterval, Duration retryDelay, boolean logsToConsole,
        double mappingInvocationFailureRate, FaultDice faults) {

    /** Settings with no injected invocation failures. */
    public LambdaSettings(Duration pollInterval, Duration retryDelay, boolean logsToConsole) {
        this(pollInterval, retryDelay, logsToConsole, 0, FaultDice.unseeded());
    }

    /** Settings whose function log lines are also printed on the console. */
    public LambdaSettings(Duration pollInterval, Duration retryDelay) {
        this(pollInterval, retryDelay, true);
    }

    /** 200 ms polling, 100 ms between retries, log lines on the console. */
    public static LambdaSettings defaults() {
        return new LambdaSettings(Duration.ofMillis(200), Duration.ofMillis(100), true);
    }

    /** These settings with function log lines printed on the console, or only kept in CloudWatch Logs. */
    public LambdaSettings withLogsToConsole(boolean console) {
        return new LambdaSettings(pollInterval, retryDelay, console, mappingInvocationFailureRate, faults);
    }

    /** These settings with event source mapping invocations failing at this rate, drawn from these dice. */
    public LambdaSettings withMappingInvocationFailures(double rate, FaultDice dice) {
        return new LambdaSettings(pollInterval, retryDelay, logsToConsole, rate, dice);
    }
}

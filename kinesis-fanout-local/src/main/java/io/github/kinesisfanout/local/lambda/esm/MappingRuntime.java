package io.github.kinesisfanout.local.lambda.esm;

import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import io.github.kinesisfanout.local.lambda.LambdaSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every mapping of one local cloud shares: the stream reader, the function caller, the
 * threads, the clock and the timing settings.
 *
 * @param source reads Kinesis
 * @param caller invokes functions
 * @param workers runs poller steps (which block while the function runs)
 * @param timers schedules the next poll
 * @param settings poll interval and retry delay
 * @param console where mapping events (discarded records) are reported
 * @param clock the cloud's clock (LastModified, MaximumRecordAgeInSeconds against arrival times)
 * @param statusTransitionDelay how long a mapping stays {@code Creating}, {@code Updating} or {@code Deleting}
 */
public record MappingRuntime(StreamAccess source, FunctionCaller caller, ExecutorService workers,
        ScheduledExecutorService timers, LambdaSettings settings, PrintStream console, Clock clock,
        Duration statusTransitionDelay) {
}

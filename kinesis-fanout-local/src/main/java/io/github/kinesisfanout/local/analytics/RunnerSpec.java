package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import io.github.kinesisfanout.sql.CompiledApplication;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What a runner needs: the compiled code, the input and outputs, the ways to reach Kinesis, Lambda
 * and Firehose, and the checkpoint map it resumes from and saves into.
 *
 * @param firehose how KinesisFirehoseOutput and KinesisFirehoseInput reach delivery streams; null without Firehose
 * @param stopTimeoutMillis how long a stop waits for outputs to take the last rows before dropping them
 * @param referenceData the object of each reference table, by table name, loaded before the first record
 * @param clock the cloud's clock: ROWTIME, and the start time of a NOW reader against records' arrival times
 */
record RunnerSpec(String applicationName, String applicationArn, CompiledApplication compiled,
        ApplicationInput input, List<ApplicationOutput> outputs, StreamAccess streams, LambdaInvoker lambda,
        DeliveryStreamLink firehose, Map<String, ShardPosition> checkpoints, long stopTimeoutMillis,
        Map<String, byte[]> referenceData, Clock clock) {

    /** Ten seconds for outputs to drain at stop. */
    static final long STOP_TIMEOUT_MILLIS = 10_000;

    /** A runner of Kinesis streams and Lambda functions only (no Firehose). */
    RunnerSpec(String applicationName, String applicationArn, CompiledApplication compiled, ApplicationInput input,
            List<ApplicationOutput> outputs, StreamAccess streams, LambdaInvoker lambda,
            Map<String, ShardPosition> checkpoints, long stopTimeoutMillis, Map<String, byte[]> referenceData,
            Clock clock) {
        this(applicationName, applicationArn, compiled, input, outputs, streams, lambda, null, checkpoints,
                stopTimeoutMillis, referenceData, clock);
    }
}

package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import io.github.kinesisfanout.sql.CompiledApplication;
import java.util.List;
import java.util.Map;

/**
 * What a runner needs: the compiled code, the input and outputs, the ways to reach Kinesis and
 * Lambda, and the checkpoint map it resumes from and saves into.
 *
 * @param stopTimeoutMillis how long a stop waits for outputs to take the last rows before dropping them
 * @param referenceData the object of each reference table, by table name, loaded before the first record
 */
record RunnerSpec(String applicationName, String applicationArn, CompiledApplication compiled,
        ApplicationInput input, List<ApplicationOutput> outputs, StreamAccess streams, LambdaInvoker lambda,
        Map<String, ShardPosition> checkpoints, long stopTimeoutMillis, Map<String, byte[]> referenceData) {

    /** Ten seconds for outputs to drain at stop. */
    static final long STOP_TIMEOUT_MILLIS = 10_000;
}

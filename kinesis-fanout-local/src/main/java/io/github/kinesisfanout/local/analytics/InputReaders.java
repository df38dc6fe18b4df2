package io.github.kinesisfanout.local.analytics;

import java.util.Map;

/**
 * What feeds a running application's engine from its streaming source: the readers of a Kinesis
 * stream's shards ({@link ShardReaders}) or the subscription to a delivery stream
 * ({@link FirehoseInputReader}).
 */
interface InputReaders {

    /** Starts reading from {@code NOW}, {@code TRIM_HORIZON} or {@code LAST_STOPPED_POINT}. */
    void start(String startingPosition);

    /** Where reading would resume now, per shard (empty for a source without positions). */
    Map<String, ShardPosition> current();

    /** Stops reading once what was taken is handed to the engine; answers where each shard resumes. */
    Map<String, ShardPosition> stop();
}

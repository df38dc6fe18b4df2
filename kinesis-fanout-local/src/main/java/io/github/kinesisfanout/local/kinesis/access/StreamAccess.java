package io.github.kinesisfanout.local.kinesis.access;

import io.github.kinesisfanout.local.kinesis.PutRecordsEntry;
import io.github.kinesisfanout.local.kinesis.PutRecordsResultEntry;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import java.time.Duration;
import java.util.List;

/**
 * Kinesis as the other services of a local cloud reach it: streams addressed by ARN, the typed
 * API's shards, positions and records, and its new-data signal. Readers go through
 * {@link ShardCursor} and {@link ShardLineage}; {@link KinesisStreamAccess} is the implementation
 * over the Kinesis service.
 */
public interface StreamAccess {

    /** Every shard of a stream (open and closed) with its parents; ResourceNotFoundException when it does not exist. */
    List<ShardInfo> listShards(String streamArn);

    /** Up to {@code limit} records of a shard from a position; the result says where to continue. */
    ReadResult read(String streamArn, String shardId, StartingPosition from, int limit);

    /**
     * Waits until a read from {@code from} would return a record or the shard is closed, at most
     * {@code timeout}, without polling.
     *
     * @return whether a record is there to read
     */
    boolean awaitData(String streamArn, String shardId, StartingPosition from, Duration timeout)
            throws InterruptedException;

    /** Writes records (any number); the results mirror their order, a failed entry carrying its error code. */
    List<PutRecordsResultEntry> putRecords(String streamArn, List<PutRecordsEntry> records);
}

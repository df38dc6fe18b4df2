package io.github.kinesisfanout.local.analytics;

import java.util.List;

/**
 * What the analytics service needs of Kinesis: shards, iterators, records, writes and a wait for
 * new data. Implemented over the Kinesis service's own methods, never its store.
 */
public interface StreamAccess {

    /** Every shard of a stream (open and closed); ResourceNotFoundException when it does not exist. */
    List<Shard> listShards(String streamArn);

    /** An iterator for a shard at a position ({@link ShardPosition}, or LATEST via {@code type}). */
    String shardIterator(String streamArn, String shardId, String type, String sequenceNumber, long timestampMillis);

    /** Up to {@code limit} records from an iterator. */
    ReadResult getRecords(String streamArn, String iterator, int limit);

    /**
     * Writes records (at most 500); answers, per entry in order, null when written or the error code.
     */
    List<String> putRecords(String streamArn, List<OutgoingRecord> records);

    /**
     * Waits until a read from {@code iterator} (null: the shard's tip) would return records, at most {@code timeoutMillis};
     * returns early on new data.
     */
    void awaitNewData(String streamArn, String shardId, String iterator, long timeoutMillis) throws InterruptedException;

    /** A shard and its lineage. */
    record Shard(String shardId, String parentShardId, String adjacentParentShardId, boolean closed) {
    }

    /** One record read from a shard. */
    record IncomingRecord(byte[] data, String partitionKey, String sequenceNumber, long arrivalMillis) {
    }

    /** One record to write. */
    record OutgoingRecord(String partitionKey, byte[] data) {
    }

    /**
     * The result of one read.
     *
     * @param nextIterator null once a closed shard is exhausted
     * @param childShards the children reported at the end of a closed shard
     */
    record ReadResult(List<IncomingRecord> records, String nextIterator, List<String> childShards) {
    }
}

package io.github.kinesisfanout.local.lambda.esm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How an event source mapping reads a Kinesis stream: shards, iterators, records and a new-data signal. */
public interface StreamSource {

    /** The ids of the stream's shards; throws the Kinesis ResourceNotFoundException for an unknown stream. */
    List<String> shardIds(String streamArn);

    /** Each shard's parent shards (after a split or merge); shards without parents may be left out. */
    default Map<String, List<String>> shardParents(String streamArn) {
        return Map.of();
    }

    /**
     * A shard iterator.
     *
     * @param type TRIM_HORIZON, LATEST, AT_TIMESTAMP or AFTER_SEQUENCE_NUMBER
     * @param sequenceNumber for AFTER_SEQUENCE_NUMBER, else null
     * @param timestamp for AT_TIMESTAMP, else null
     */
    String shardIterator(String streamArn, String shardId, String type, String sequenceNumber, Instant timestamp);

    /** Up to {@code limit} records from the iterator. */
    Batch getRecords(String streamArn, String iterator, int limit);

    /** Whether {@link #awaitData} can wait for new records; without it, pollers poll at an interval. */
    default boolean signalsNewData() {
        return false;
    }

    /**
     * Waits until a read from the iterator would return a record (or the shard is closed), at
     * most {@code timeout}, without polling.
     *
     * @return whether data is there
     */
    default boolean awaitData(String streamArn, String iterator, java.time.Duration timeout) throws InterruptedException {
        return false;
    }

    /**
     * Records read from a shard.
     *
     * @param records the records
     * @param nextIterator the next iterator, null once a closed shard is fully read
     * @param millisBehindLatest how far the iterator is behind the tip; 0 when caught up
     */
    record Batch(List<StreamRecord> records, String nextIterator, long millisBehindLatest) {
    }
}

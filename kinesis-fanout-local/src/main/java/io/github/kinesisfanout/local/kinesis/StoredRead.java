package io.github.kinesisfanout.local.kinesis;

import java.util.List;

/**
 * What one read of a shard found, as the shard keeps its records (no sequence number strings made
 * yet): GetRecords renders these straight into its answer, the typed API turns them into a
 * {@link ReadResult}.
 *
 * @param records the records, in counter order (may be empty)
 * @param nextCounter the counter the next read continues from
 * @param millisBehindLatest how far the last record read is behind the shard's tip (0 = caught up)
 * @param ended whether the shard is closed and everything in it was read
 * @param childShards the shards that continue an ended shard, else empty
 */
record StoredRead(List<StoredRecord> records, long nextCounter, long millisBehindLatest, boolean ended,
        List<ShardInfo> childShards) {
}

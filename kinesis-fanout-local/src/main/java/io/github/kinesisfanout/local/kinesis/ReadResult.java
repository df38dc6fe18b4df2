package io.github.kinesisfanout.local.kinesis;

import java.util.List;

/**
 * What one read of a shard returned.
 *
 * @param records the records, in sequence number order (may be empty)
 * @param nextPosition where to continue, or null at the end of a closed shard
 * @param millisBehindLatest how far the last record read is behind the shard's tip (0 = caught up)
 * @param childShards the shards that continue a closed shard once its end is reached, else empty
 */
public record ReadResult(List<KinesisRecord> records, StartingPosition nextPosition, long millisBehindLatest,
        List<ShardInfo> childShards) {

    /** Whether the shard is closed and everything in it was read. */
    public boolean shardEnded() {
        return nextPosition == null;
    }
}

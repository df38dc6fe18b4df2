package io.github.kinesisfanout.local.kinesis;

import java.math.BigInteger;

/**
 * A shard as {@code ListShards} describes it.
 *
 * @param shardId e.g. {@code shardId-000000000000}
 * @param parentShardId the shard it was split from or merged from, or null
 * @param adjacentParentShardId the other shard of a merge, or null
 * @param startingHashKey the first hash key it owns
 * @param endingHashKey the last hash key it owns
 * @param startingSequenceNumber the lowest sequence number it can have issued
 * @param endingSequenceNumber the highest, once closed; null while open
 */
public record ShardInfo(String shardId, String parentShardId, String adjacentParentShardId,
        BigInteger startingHashKey, BigInteger endingHashKey, String startingSequenceNumber,
        String endingSequenceNumber) {

    /** Whether the shard still takes writes. */
    public boolean isOpen() {
        return endingSequenceNumber == null;
    }
}

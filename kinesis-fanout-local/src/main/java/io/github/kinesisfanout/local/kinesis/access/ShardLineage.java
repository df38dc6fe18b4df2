package io.github.kinesisfanout.local.kinesis.access;

import io.github.kinesisfanout.local.kinesis.ShardInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which shards of a stream a reader may start now. Kinesis consumers (the KCL, Lambda, Kinesis
 * Analytics) read a parent shard to its end before its children, so the records of one partition
 * key stay in order across a split or merge; a parent no longer listed (past retention) counts as
 * read.
 */
public final class ShardLineage {

    private ShardLineage() {
    }

    /**
     * The shards, in listing order, not yet begun whose listed parents are all read to the end.
     *
     * @param shards every shard of the stream, as {@link StreamAccess#listShards} lists them
     * @param begun whether a shard is being read or was read to its end already
     * @param readToEnd whether a shard was read to its end
     */
    public static List<ShardInfo> readyToRead(List<ShardInfo> shards, Predicate<String> begun,
            Predicate<String> readToEnd) {
        Set<String> listed = new HashSet<>();
        shards.forEach(shard -> listed.add(shard.shardId()));
        List<ShardInfo> ready = new ArrayList<>();
        for (ShardInfo shard : shards) {
            if (begun.test(shard.shardId())) {
                continue;
            }
            boolean parentsRead = Stream.of(shard.parentShardId(), shard.adjacentParentShardId())
                    .filter(parent -> parent != null && listed.contains(parent))
                    .allMatch(readToEnd);
            if (parentsRead) {
                ready.add(shard);
            }
        }
        return ready;
    }
}

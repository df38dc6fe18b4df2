package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * SplitShard, MergeShards and UpdateShardCount: parents are closed (their ending sequence number
 * set), children open with the parents' hash ranges, and the stream is UPDATING for the transition
 * delay while reads and writes go on.
 */
final class ReshardOperations {

    private final StreamManager streams;

    ReshardOperations(StreamManager streams) {
        this.streams = streams;
    }

    JsonNode splitShard(ObjectNode input, RequestContext ctx) {
        String shardId = Names.shardId(KinesisErrors.MEMBERS.requiredString(input, "ShardToSplit", "shardToSplit"), "shardToSplit");
        String newStart = KinesisErrors.MEMBERS.requiredString(input, "NewStartingHashKey", "newStartingHashKey");
        if (!newStart.matches("0|([1-9]\\d{0,38})")) {
            throw KinesisErrors.validation(newStart, "newStartingHashKey",
                    "satisfy regular expression pattern: 0|([1-9]\\d{0,38})");
        }
        Stream stream = streams.resolveActive(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"),
                KinesisErrors.MEMBERS.string(input, "StreamARN"));
        synchronized (stream) {
            Shard parent = openShard(stream, shardId);
            BigInteger key = new BigInteger(newStart);
            if (key.compareTo(parent.startingHashKey()) <= 0 || key.compareTo(parent.endingHashKey()) > 0) {
                throw KinesisErrors.INVALID_ARGUMENT.error("NewStartingHashKey " + newStart + " used in SplitShard() on shard "
                        + shardId + " in stream " + stream.name() + " under account " + stream.accountId()
                        + " is not both greater than one plus the shard's StartingHashKey "
                        + parent.startingHashKey() + " and less than the shard's EndingHashKey "
                        + parent.endingHashKey() + ".");
            }
            checkShardLimit(ctx, stream, 1);
            List<Shard> children = List.of(
                    streams.newShard(stream, parent.startingHashKey(), key.subtract(BigInteger.ONE), shardId, null),
                    streams.newShard(stream, key, parent.endingHashKey(), shardId, null));
            parent.closeInto(children, streams.now());
            streams.addShards(stream, children);
            updating(stream);
        }
        return KinesisJson.object();
    }

    JsonNode mergeShards(ObjectNode input, RequestContext ctx) {
        String shardId = Names.shardId(KinesisErrors.MEMBERS.requiredString(input, "ShardToMerge", "shardToMerge"), "shardToMerge");
        String adjacentId = Names.shardId(KinesisErrors.MEMBERS.requiredString(input, "AdjacentShardToMerge", "adjacentShardToMerge"),
                "adjacentShardToMerge");
        Stream stream = streams.resolveActive(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"),
                KinesisErrors.MEMBERS.string(input, "StreamARN"));
        synchronized (stream) {
            Shard first = openShard(stream, shardId);
            Shard second = openShard(stream, adjacentId);
            boolean firstLower = first.endingHashKey().add(BigInteger.ONE).equals(second.startingHashKey());
            boolean secondLower = second.endingHashKey().add(BigInteger.ONE).equals(first.startingHashKey());
            if (!firstLower && !secondLower) {
                throw KinesisErrors.INVALID_ARGUMENT.error("Shards " + shardId + " and " + adjacentId + " in stream "
                        + stream.name() + " under account " + stream.accountId()
                        + " are not an adjacent pair of shards eligible for merging");
            }
            long now = streams.now();
            BigInteger start = firstLower ? first.startingHashKey() : second.startingHashKey();
            BigInteger end = firstLower ? second.endingHashKey() : first.endingHashKey();
            List<Shard> child = List.of(streams.newShard(stream, start, end, shardId, adjacentId));
            first.closeInto(child, now);
            second.closeInto(child, now);
            streams.addShards(stream, child);
            updating(stream);
        }
        return KinesisJson.object();
    }

    JsonNode updateShardCount(ObjectNode input, RequestContext ctx) {
        Integer target = KinesisErrors.MEMBERS.integer(input, "TargetShardCount");
        if (target == null) {
            throw KinesisErrors.validation(null, "targetShardCount", "not be null");
        }
        if (target < 1) {
            throw KinesisErrors.validation(target, "targetShardCount", "have value greater than or equal to 1");
        }
        String scaling = KinesisErrors.MEMBERS.requiredString(input, "ScalingType", "scalingType");
        if (!scaling.equals("UNIFORM_SCALING")) {
            throw KinesisErrors.validation(scaling, "scalingType", "satisfy enum value set: [UNIFORM_SCALING]");
        }
        Stream stream = streams.resolveActive(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"),
                KinesisErrors.MEMBERS.string(input, "StreamARN"));
        int current;
        synchronized (stream) {
            List<Shard> open = stream.openShards();
            current = open.size();
            if (target > current * 2) {
                throw KinesisErrors.INVALID_ARGUMENT.error("UpdateShardCount cannot scale up over double your current open "
                        + "shard count. Current open shard count: " + current + " Target shard count: " + target);
            }
            if (target * 2 < current) {
                throw KinesisErrors.INVALID_ARGUMENT.error("UpdateShardCount cannot scale down below half your current open "
                        + "shard count. Current open shard count: " + current + " Target shard count: " + target);
            }
            if (target != current) {
                checkShardLimit(ctx, stream, target - current);
                long now = streams.now();
                List<Shard> children = new ArrayList<>();
                for (int i = 0; i < target; i++) {
                    BigInteger start = HashKeys.start(i, target);
                    BigInteger end = HashKeys.end(i, target);
                    Shard parent = stream.route(start);
                    Shard adjacent = stream.route(end);
                    children.add(streams.newShard(stream, start, end, parent.shardId(),
                            adjacent == parent ? null : adjacent.shardId()));
                }
                for (Shard parent : open) {
                    parent.closeInto(overlapping(parent, children), now);
                }
                streams.addShards(stream, children);
            }
            updating(stream);
        }
        ObjectNode out = KinesisJson.object();
        out.put("StreamName", stream.name());
        out.put("CurrentShardCount", current);
        out.put("TargetShardCount", target);
        out.put("StreamARN", stream.arn());
        return out;
    }

    /** The new shards whose hash key ranges overlap a parent's. */
    private static List<Shard> overlapping(Shard parent, List<Shard> children) {
        List<Shard> out = new ArrayList<>();
        for (Shard child : children) {
            if (child.startingHashKey().compareTo(parent.endingHashKey()) <= 0
                    && child.endingHashKey().compareTo(parent.startingHashKey()) >= 0) {
                out.add(child);
            }
        }
        return out;
    }

    private void updating(Stream stream) {
        stream.status("UPDATING");
        streams.changed(stream);
        streams.transition(stream, "ACTIVE");
    }

    private void checkShardLimit(RequestContext ctx, Stream stream, int added) {
        int open = 0;
        for (Stream each : streams.list(new RequestContext(ctx.requestId(), stream.accountId(), stream.region()))) {
            open += each.openShards().size();
        }
        if (open + added > StreamManager.SHARD_LIMIT) {
            throw KinesisErrors.LIMIT_EXCEEDED.error("This request would exceed the shard limit for the account "
                    + stream.accountId() + " in " + stream.region() + ". Current shard count for the account: "
                    + open + ". Limit: " + StreamManager.SHARD_LIMIT + ". Number of additional shards that would "
                    + "have resulted from this request: " + added + ".");
        }
    }

    private static Shard openShard(Stream stream, String shardId) {
        Shard shard = stream.shard(shardId);
        if (shard == null) {
            throw KinesisErrors.couldNotFindShard(shardId, stream);
        }
        if (!shard.isOpen()) {
            throw KinesisErrors.RESOURCE_IN_USE.error("Shard " + shardId + " in stream " + stream.name()
                    + " under account " + stream.accountId()
                    + " has already been merged or split, and thus is not eligible for merging or splitting.");
        }
        return shard;
    }
}

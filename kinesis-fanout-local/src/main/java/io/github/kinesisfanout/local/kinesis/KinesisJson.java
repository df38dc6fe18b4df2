package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Timestamps;
import java.time.Instant;
import java.util.List;

/** Renders streams, shards and records with the member names of the Kinesis API. */
final class KinesisJson {

    private KinesisJson() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static ObjectNode shard(ShardInfo shard) {
        ObjectNode out = object();
        out.put("ShardId", shard.shardId());
        if (shard.parentShardId() != null) {
            out.put("ParentShardId", shard.parentShardId());
        }
        if (shard.adjacentParentShardId() != null) {
            out.put("AdjacentParentShardId", shard.adjacentParentShardId());
        }
        out.set("HashKeyRange", hashKeyRange(shard));
        ObjectNode sequence = out.putObject("SequenceNumberRange");
        sequence.put("StartingSequenceNumber", shard.startingSequenceNumber());
        if (shard.endingSequenceNumber() != null) {
            sequence.put("EndingSequenceNumber", shard.endingSequenceNumber());
        }
        return out;
    }

    static ObjectNode hashKeyRange(ShardInfo shard) {
        ObjectNode range = object();
        range.put("StartingHashKey", shard.startingHashKey().toString());
        range.put("EndingHashKey", shard.endingHashKey().toString());
        return range;
    }

    static ObjectNode streamModeDetails(Stream stream) {
        ObjectNode mode = object();
        mode.put("StreamMode", stream.streamMode());
        return mode;
    }

    static ArrayNode enhancedMonitoring() {
        ArrayNode monitoring = JsonNodeFactory.instance.arrayNode();
        monitoring.addObject().putArray("ShardLevelMetrics");
        return monitoring;
    }

    /** The members DescribeStream, DescribeStreamSummary and ListStreams share. */
    static void streamIdentity(ObjectNode out, Stream stream) {
        out.put("StreamName", stream.name());
        out.put("StreamARN", stream.arn());
        out.put("StreamStatus", stream.status());
        out.set("StreamModeDetails", streamModeDetails(stream));
    }

    static ArrayNode childShards(List<ShardInfo> children) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (ShardInfo child : children) {
            ObjectNode node = out.addObject();
            node.put("ShardId", child.shardId());
            ArrayNode parents = node.putArray("ParentShards");
            parents.add(child.parentShardId());
            if (child.adjacentParentShardId() != null) {
                parents.add(child.adjacentParentShardId());
            }
            node.set("HashKeyRange", hashKeyRange(child));
        }
        return out;
    }

    static com.fasterxml.jackson.databind.JsonNode timestamp(long millis) {
        return Timestamps.node(Instant.ofEpochMilli(millis));
    }
}

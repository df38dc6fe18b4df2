package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.time.Instant;

/** ListShards, with paging and the basic shard filters. */
final class ShardOperations {

    private final StreamManager streams;

    ShardOperations(StreamManager streams) {
        this.streams = streams;
    }

    JsonNode listShards(ObjectNode input, RequestContext ctx) {
        String name = KinesisErrors.MEMBERS.string(input, "StreamName");
        String arn = KinesisErrors.MEMBERS.string(input, "StreamARN");
        String token = KinesisErrors.MEMBERS.string(input, "NextToken");
        String exclusiveStart = KinesisErrors.MEMBERS.string(input, "ExclusiveStartShardId");
        if (token != null) {
            if (name != null || exclusiveStart != null) {
                throw KinesisErrors.INVALID_ARGUMENT.error("NextToken and StreamName cannot be provided together.");
            }
            String[] parts = StreamOperations.decodeToken(token).split("\\|", 2);
            if (parts.length != 2) {
                throw KinesisErrors.INVALID_ARGUMENT.error("Invalid NextToken.");
            }
            arn = parts[0];
            exclusiveStart = parts[1];
        }
        Stream stream = streams.resolve(ctx, token == null ? name : null, arn);
        int max = StreamOperations.limit(input, "MaxResults", 1000, 10_000);
        JsonNode filter = input.get("ShardFilter");
        String filterType = filter != null && filter.hasNonNull("Type") ? filter.get("Type").asText() : null;
        if (filterType != null && filterType.equals("AFTER_SHARD_ID")) {
            if (!filter.hasNonNull("ShardId")) {
                throw KinesisErrors.INVALID_ARGUMENT.error("Must provide ShardId for ShardFilter type AFTER_SHARD_ID.");
            }
            String after = filter.get("ShardId").asText();
            exclusiveStart = exclusiveStart == null || after.compareTo(exclusiveStart) > 0 ? after : exclusiveStart;
        }
        Instant at = filter != null && filter.hasNonNull("Timestamp")
                ? KinesisErrors.MEMBERS.timestamp((ObjectNode) filter, "Timestamp") : null;
        ObjectNode out = KinesisJson.object();
        ArrayNode shards = out.putArray("Shards");
        String last = null;
        boolean more = false;
        for (Shard shard : stream.shards()) {
            if (exclusiveStart != null && shard.shardId().compareTo(exclusiveStart) <= 0
                    || !matches(filterType, shard, at)) {
                continue;
            }
            if (shards.size() == max) {
                more = true;
                break;
            }
            shards.add(KinesisJson.shard(shard.info()));
            last = shard.shardId();
        }
        if (more) {
            out.put("NextToken", StreamOperations.encodeToken(stream.arn() + "|" + last));
        }
        return out;
    }

    /** The ShardFilter types of ListShards. */
    private static boolean matches(String type, Shard shard, Instant at) {
        if (type == null) {
            return true;
        }
        switch (type) {
            case "AFTER_SHARD_ID":
            case "AT_TRIM_HORIZON":
            case "FROM_TRIM_HORIZON":
                return true;
            case "AT_LATEST":
                return shard.isOpen();
            case "AT_TIMESTAMP":
            case "FROM_TIMESTAMP": {
                if (at == null) {
                    throw KinesisErrors.INVALID_ARGUMENT.error("Must provide Timestamp for ShardFilter type " + type + ".");
                }
                long millis = at.toEpochMilli();
                boolean openAt = shard.closedMillis() > millis;
                return type.equals("FROM_TIMESTAMP") ? openAt : openAt && shard.createdMillis() <= millis
                        || openAt && shard.parentShardId() == null;
            }
            default:
                throw KinesisErrors.validation(type, "shardFilter.type", "satisfy enum value set: [AFTER_SHARD_ID, "
                        + "AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST, AT_TIMESTAMP, FROM_TIMESTAMP]");
        }
    }
}

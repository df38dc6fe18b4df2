package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** CreateStream, DeleteStream, DescribeStream, DescribeStreamSummary and ListStreams. */
final class StreamOperations {

    /** On-demand streams start with four shards, as AWS creates them. */
    static final int ON_DEMAND_SHARDS = 4;

    private final StreamManager streams;

    StreamOperations(StreamManager streams) {
        this.streams = streams;
    }

    JsonNode createStream(ObjectNode input, RequestContext ctx) {
        String name = Names.streamName(KinesisErrors.MEMBERS.requiredString(input, "StreamName", "streamName"), "streamName");
        String mode = "PROVISIONED";
        JsonNode details = input.get("StreamModeDetails");
        if (details != null && details.hasNonNull("StreamMode")) {
            mode = details.get("StreamMode").asText();
            if (!mode.equals("PROVISIONED") && !mode.equals("ON_DEMAND")) {
                throw KinesisErrors.validation(mode, "streamModeDetails.streamMode",
                        "satisfy enum value set: [PROVISIONED, ON_DEMAND]");
            }
        }
        Integer shardCount = KinesisErrors.MEMBERS.integer(input, "ShardCount");
        if (shardCount != null && shardCount < 1) {
            throw KinesisErrors.validation(shardCount, "shardCount", "have value greater than or equal to 1");
        }
        if (shardCount == null) {
            if (mode.equals("PROVISIONED")) {
                throw KinesisErrors.INVALID_ARGUMENT.error("ShardCount is required for a stream in PROVISIONED mode: "
                        + "set ShardCount, or StreamModeDetails {StreamMode: ON_DEMAND}");
            }
            shardCount = ON_DEMAND_SHARDS;
        }
        Stream stream = streams.create(ctx, name, shardCount, mode);
        JsonNode tags = input.get("Tags");
        if (tags != null && tags.isObject()) {
            synchronized (stream) {
                forEachTag(tags, stream.tags()::put);
                streams.changed(stream);
            }
        }
        return KinesisJson.object();
    }

    JsonNode deleteStream(ObjectNode input, RequestContext ctx) {
        Stream stream = streams.resolve(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"), KinesisErrors.MEMBERS.string(input, "StreamARN"));
        if ("DELETING".equals(stream.status())) {
            throw KinesisErrors.streamNotFound(stream.name(), stream.accountId());
        }
        streams.delete(stream);
        return KinesisJson.object();
    }

    JsonNode describeStream(ObjectNode input, RequestContext ctx) {
        Stream stream = streams.resolve(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"), KinesisErrors.MEMBERS.string(input, "StreamARN"));
        int limit = limit(input, "Limit", 100, 10_000);
        String exclusiveStart = KinesisErrors.MEMBERS.string(input, "ExclusiveStartShardId");
        ObjectNode description = KinesisJson.object();
        KinesisJson.streamIdentity(description, stream);
        ArrayNode shards = description.putArray("Shards");
        boolean more = false;
        for (Shard shard : stream.shards()) {
            if (exclusiveStart != null && shard.shardId().compareTo(exclusiveStart) <= 0) {
                continue;
            }
            if (shards.size() == limit) {
                more = true;
                break;
            }
            shards.add(KinesisJson.shard(shard.info()));
        }
        description.put("HasMoreShards", more);
        description.put("RetentionPeriodHours", stream.retentionPeriodHours());
        description.set("StreamCreationTimestamp", KinesisJson.timestamp(stream.createdMillis()));
        description.set("EnhancedMonitoring", KinesisJson.enhancedMonitoring());
        description.put("EncryptionType", "NONE");
        ObjectNode out = KinesisJson.object();
        out.set("StreamDescription", description);
        return out;
    }

    JsonNode describeStreamSummary(ObjectNode input, RequestContext ctx) {
        Stream stream = streams.resolve(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"), KinesisErrors.MEMBERS.string(input, "StreamARN"));
        ObjectNode summary = KinesisJson.object();
        KinesisJson.streamIdentity(summary, stream);
        summary.put("RetentionPeriodHours", stream.retentionPeriodHours());
        summary.set("StreamCreationTimestamp", KinesisJson.timestamp(stream.createdMillis()));
        summary.set("EnhancedMonitoring", KinesisJson.enhancedMonitoring());
        summary.put("EncryptionType", "NONE");
        summary.put("OpenShardCount", stream.openShards().size());
        summary.put("ConsumerCount", 0);
        ObjectNode out = KinesisJson.object();
        out.set("StreamDescriptionSummary", summary);
        return out;
    }

    JsonNode listStreams(ObjectNode input, RequestContext ctx) {
        int limit = limit(input, "Limit", 100, 10_000);
        String start = KinesisErrors.MEMBERS.string(input, "ExclusiveStartStreamName");
        String token = KinesisErrors.MEMBERS.string(input, "NextToken");
        if (token != null) {
            start = decodeToken(token);
        }
        List<Stream> all = streams.list(ctx);
        ObjectNode out = KinesisJson.object();
        ArrayNode names = out.putArray("StreamNames");
        ArrayNode summaries = out.putArray("StreamSummaries");
        boolean more = false;
        for (Stream stream : all) {
            if (start != null && stream.name().compareTo(start) <= 0) {
                continue;
            }
            if (names.size() == limit) {
                more = true;
                break;
            }
            names.add(stream.name());
            ObjectNode summary = summaries.addObject();
            KinesisJson.streamIdentity(summary, stream);
            summary.set("StreamCreationTimestamp", KinesisJson.timestamp(stream.createdMillis()));
        }
        out.put("HasMoreStreams", more);
        if (more) {
            out.put("NextToken", encodeToken(names.get(names.size() - 1).asText()));
        }
        return out;
    }

    static int limit(ObjectNode input, String member, int defaultValue, int max) {
        Integer limit = KinesisErrors.MEMBERS.integer(input, member);
        if (limit == null) {
            return defaultValue;
        }
        String camel = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        if (limit < 1) {
            throw KinesisErrors.validation(limit, camel, "have value greater than or equal to 1");
        }
        if (limit > max) {
            throw KinesisErrors.validation(limit, camel, "have value less than or equal to " + max);
        }
        return limit;
    }

    static String encodeToken(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.INVALID_ARGUMENT.error("Invalid NextToken.");
        }
    }

    static void forEachTag(JsonNode tags, java.util.function.BiConsumer<String, String> action) {
        for (Map.Entry<String, JsonNode> field : tags.properties()) {
            action.accept(field.getKey(), field.getValue().asText());
        }
    }
}

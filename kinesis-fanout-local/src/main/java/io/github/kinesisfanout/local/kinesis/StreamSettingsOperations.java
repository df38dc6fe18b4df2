package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Retention period changes and stream tags. */
final class StreamSettingsOperations {

    static final int MIN_RETENTION_HOURS = 24;
    static final int MAX_RETENTION_HOURS = 8760;
    static final int MAX_TAGS = 50;

    private final StreamManager streams;

    StreamSettingsOperations(StreamManager streams) {
        this.streams = streams;
    }

    JsonNode increaseRetention(ObjectNode input, RequestContext ctx) {
        return changeRetention(input, ctx, true);
    }

    JsonNode decreaseRetention(ObjectNode input, RequestContext ctx) {
        return changeRetention(input, ctx, false);
    }

    private JsonNode changeRetention(ObjectNode input, RequestContext ctx, boolean increase) {
        Integer hours = KinesisErrors.MEMBERS.integer(input, "RetentionPeriodHours");
        if (hours == null) {
            throw KinesisErrors.validation(null, "retentionPeriodHours", "not be null");
        }
        Stream stream = streams.resolveActive(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"),
                KinesisErrors.MEMBERS.string(input, "StreamARN"));
        if (hours < MIN_RETENTION_HOURS) {
            throw KinesisErrors.INVALID_ARGUMENT.error("Minimum allowed retention period is " + MIN_RETENTION_HOURS
                    + " hours. Requested retention period (" + hours + " hours) is too short.");
        }
        if (hours > MAX_RETENTION_HOURS) {
            throw KinesisErrors.INVALID_ARGUMENT.error("Maximum allowed retention period is " + MAX_RETENTION_HOURS
                    + " hours. Requested retention period (" + hours + " hours) is too long.");
        }
        synchronized (stream) {
            int current = stream.retentionPeriodHours();
            if (increase && hours < current) {
                throw KinesisErrors.INVALID_ARGUMENT.error("Requested retention period (" + hours + " hours) for stream "
                        + stream.name() + " can not be shorter than existing retention period (" + current
                        + " hours). Use DecreaseRetentionPeriod API.");
            }
            if (!increase && hours > current) {
                throw KinesisErrors.INVALID_ARGUMENT.error("Requested retention period (" + hours + " hours) for stream "
                        + stream.name() + " can not be longer than existing retention period (" + current
                        + " hours). Use IncreaseRetentionPeriod API.");
            }
            stream.retentionPeriodHours(hours);
            streams.changed(stream);
        }
        return KinesisJson.object();
    }

    JsonNode addTags(ObjectNode input, RequestContext ctx) {
        JsonNode tags = input.get("Tags");
        if (tags == null || !tags.isObject()) {
            throw KinesisErrors.validation(null, "tags", "not be null");
        }
        Stream stream = streams.resolve(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"), KinesisErrors.MEMBERS.string(input, "StreamARN"));
        synchronized (stream) {
            Map<String, String> merged = new java.util.TreeMap<>(stream.tags());
            StreamOperations.forEachTag(tags, merged::put);
            if (merged.size() > MAX_TAGS) {
                throw KinesisErrors.INVALID_ARGUMENT.error("Failed to add tags to stream " + stream.name()
                        + " under account " + stream.accountId() + " because a given stream cannot have more than "
                        + MAX_TAGS + " tags associated with it.");
            }
            stream.tags().putAll(merged);
            streams.changed(stream);
        }
        return KinesisJson.object();
    }

    JsonNode removeTags(ObjectNode input, RequestContext ctx) {
        JsonNode keys = input.get("TagKeys");
        if (keys == null || !keys.isArray()) {
            throw KinesisErrors.validation(null, "tagKeys", "not be null");
        }
        Stream stream = streams.resolve(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"), KinesisErrors.MEMBERS.string(input, "StreamARN"));
        synchronized (stream) {
            keys.forEach(key -> stream.tags().remove(key.asText()));
            streams.changed(stream);
        }
        return KinesisJson.object();
    }

    JsonNode listTags(ObjectNode input, RequestContext ctx) {
        Stream stream = streams.resolve(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"), KinesisErrors.MEMBERS.string(input, "StreamARN"));
        String start = KinesisErrors.MEMBERS.string(input, "ExclusiveStartTagKey");
        int limit = StreamOperations.limit(input, "Limit", 50, 50);
        List<Map.Entry<String, String>> entries;
        synchronized (stream) {
            entries = new ArrayList<>(stream.tags().entrySet());
        }
        ObjectNode out = KinesisJson.object();
        ArrayNode tags = out.putArray("Tags");
        boolean more = false;
        for (Map.Entry<String, String> tag : entries) {
            if (start != null && tag.getKey().compareTo(start) <= 0) {
                continue;
            }
            if (tags.size() == limit) {
                more = true;
                break;
            }
            ObjectNode node = tags.addObject();
            node.put("Key", tag.getKey());
            node.put("Value", tag.getValue());
        }
        out.put("HasMoreTags", more);
        return out;
    }
}

package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.Timestamps;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operations on delivery streams themselves: CreateDeliveryStream, DescribeDeliveryStream,
 * ListDeliveryStreams, DeleteDeliveryStream and the tag operations.
 */
final class DeliveryStreamOperations {

    private final DeliveryStreams streams;

    DeliveryStreamOperations(DeliveryStreams streams) {
        this.streams = streams;
    }

    private static String name(ObjectNode input) {
        return DeliveryStreamRequests.name(input);
    }

    /**
     * The name for DescribeDeliveryStream and DeleteDeliveryStream, whose models list no
     * InvalidArgumentException: their member validation errors are the common ValidationException.
     */
    private static String validatedName(ObjectNode input) {
        try {
            return name(input);
        } catch (AwsServiceException e) {
            if (FirehoseErrors.INVALID_ARGUMENT.is(e)) {
                throw FirehoseErrors.VALIDATION.error(e.getMessage());
            }
            throw e;
        }
    }

    JsonNode create(ObjectNode input, RequestContext context) {
        String name = name(input);
        ObjectNode request = input.deepCopy();
        request.remove(List.of("Tags", "DeliveryStreamName"));
        DeliveryStream stream = streams.build(context, name, request, streams.clock().millis(),
                streams.clock().instant());
        tags(input.path("Tags"), stream.tags);
        if (streams.scope(context).putIfAbsent(name, stream) != null) {
            throw FirehoseErrors.RESOURCE_IN_USE.error("Firehose " + name + " under accountId " + context.accountId()
                    + " already exists");
        }
        try {
            streams.openSource(stream, null);
        } catch (AwsServiceException e) {
            streams.scope(context).remove(name, stream);
            throw e;
        }
        streams.openJournal(stream);
        streams.beginReading(stream);
        streams.save(stream);
        streams.settle(() -> {
            stream.status = "ACTIVE";
            streams.save(stream);
        });
        return JsonNodeFactory.instance.objectNode().put("DeliveryStreamARN", stream.arn);
    }

    JsonNode describe(ObjectNode input, RequestContext context) {
        DeliveryStream stream = streams.stream(context, validatedName(input));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode d = out.putObject("DeliveryStreamDescription");
        d.put("DeliveryStreamName", stream.name).put("DeliveryStreamARN", stream.arn)
                .put("DeliveryStreamStatus", stream.status).put("DeliveryStreamType", stream.type)
                .put("VersionId", stream.versionId());
        d.set("CreateTimestamp", Timestamps.node(Instant.ofEpochMilli(stream.createdMillis)));
        if (stream.source != null) {
            d.set("Source", stream.source.description());
        }
        d.putObject("DeliveryStreamEncryptionConfiguration").put("Status", "DISABLED");
        ObjectNode destination = d.putArray("Destinations").addObject().put("DestinationId", "destinationId-000000000001");
        String description = stream.destination.member().replace("Configuration", "Description");
        destination.set(description, stream.destination.description());
        d.put("HasMoreDestinations", false);
        return out;
    }

    JsonNode list(ObjectNode input, RequestContext context) {
        int limit = Members.integer(input, "Limit", 10, FirehoseErrors.INVALID_ARGUMENT);
        if (limit < 1 || limit > 10000) {
            throw ValidationErrors.of(FirehoseErrors.INVALID_ARGUMENT,
                    limit, "limit", "Member must have value between 1 and 10000");
        }
        String type = Members.text(input, "DeliveryStreamType");
        String after = Members.text(input, "ExclusiveStartDeliveryStreamName");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode names = out.putArray("DeliveryStreamNames");
        boolean more = false;
        for (DeliveryStream stream : streams.scope(context).values()) {
            if ((after != null && stream.name.compareTo(after) <= 0) || (type != null && !type.equals(stream.type))) {
                continue;
            }
            if (names.size() == limit) {
                more = true;
                break;
            }
            names.add(stream.name);
        }
        out.put("HasMoreDeliveryStreams", more);
        return out;
    }

    JsonNode delete(ObjectNode input, RequestContext context) {
        DeliveryStream stream = streams.stream(context, validatedName(input));
        synchronized (stream) {
            stream.status = "DELETING";
        }
        stream.stop();
        streams.forget(stream);
        streams.settle(() -> streams.scope(context).remove(stream.name, stream));
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode tag(ObjectNode input, RequestContext context) {
        DeliveryStream stream = streams.stream(context, name(input));
        synchronized (stream) {
            tags(input.path("Tags"), stream.tags);
        }
        streams.save(stream);
        return JsonNodeFactory.instance.objectNode();
    }

    /** Adds the given tags to {@code into} all together, or none when one is invalid or too many would result. */
    private static void tags(JsonNode given, Map<String, String> into) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(into);
        for (JsonNode tag : given) {
            String key = Members.text(tag, "Key");
            if (key == null || key.isEmpty()) {
                throw ValidationErrors.missing(FirehoseErrors.INVALID_ARGUMENT, "tags.member.key");
            }
            merged.put(key, Members.text(tag, "Value", ""));
        }
        if (merged.size() > 50) {
            throw FirehoseErrors.INVALID_ARGUMENT.error(
                    "A delivery stream can have at most 50 tags; it would have " + merged.size());
        }
        into.putAll(merged);
    }

    JsonNode untag(ObjectNode input, RequestContext context) {
        DeliveryStream stream = streams.stream(context, name(input));
        synchronized (stream) {
            input.path("TagKeys").forEach(key -> stream.tags.remove(key.asText()));
        }
        streams.save(stream);
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode listTags(ObjectNode input, RequestContext context) {
        DeliveryStream stream = streams.stream(context, name(input));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode tags = out.putArray("Tags");
        synchronized (stream) {
            stream.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        out.put("HasMoreTags", false);
        return out;
    }
}

package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceRegistry;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.Timestamps;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * Amazon Data Firehose (JSON 1.1, target prefix {@code Firehose_20150804}): DirectPut delivery
 * streams to S3, buffered by size and interval and written with Firehose's default object keys.
 */
public final class FirehoseService implements AwsService, AutoCloseable {

    /** The X-Amz-Target prefix of the Firehose API. */
    public static final String TARGET_PREFIX = "Firehose_20150804";
    private static final int MAX_RECORD_BYTES = 1000 * 1024;
    private static final int MAX_BATCH_RECORDS = 500;
    private static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

    private final ServiceRegistry registry;
    private final Map<String, Map<String, DeliveryStream>> streams = new ConcurrentHashMap<>();

    public FirehoseService(ServiceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String signingName() {
        return "firehose";
    }

    @Override
    public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
        return switch (operation) {
            case "CreateDeliveryStream" -> create(input, context);
            case "DescribeDeliveryStream" -> describe(input, context);
            case "ListDeliveryStreams" -> list(input, context);
            case "DeleteDeliveryStream" -> delete(input, context);
            case "PutRecord" -> putRecord(input, context);
            case "PutRecordBatch" -> putRecordBatch(input, context);
            case "TagDeliveryStream" -> tag(input, context);
            case "UntagDeliveryStream" -> untag(input, context);
            case "ListTagsForDeliveryStream" -> listTags(input, context);
            default -> throw AwsServiceException.notSupported("Firehose", operation);
        };
    }

    /** Puts records into an ACTIVE delivery stream from the same JVM (Kinesis Analytics outputs). */
    public void putRecords(RequestContext context, String name, List<byte[]> records) {
        DeliveryStream stream = active(context, name);
        records.forEach(stream.buffer::add);
    }

    private Map<String, DeliveryStream> scope(RequestContext context) {
        return streams.computeIfAbsent(context.accountId() + "/" + context.region(),
                k -> new ConcurrentSkipListMap<>());
    }

    private DeliveryStream stream(RequestContext context, String name) {
        DeliveryStream stream = scope(context).get(name);
        if (stream == null) {
            throw FirehoseErrors.notFound(name, context.accountId());
        }
        return stream;
    }

    private DeliveryStream active(RequestContext context, String name) {
        DeliveryStream stream = stream(context, name);
        if (!stream.status.equals("ACTIVE")) {
            throw FirehoseErrors.notFound(name, context.accountId());
        }
        return stream;
    }

    private static String name(ObjectNode input) {
        String name = Members.required(input, "DeliveryStreamName", FirehoseErrors.INVALID);
        if (!name.matches("[a-zA-Z0-9_.-]{1,64}")) {
            throw FirehoseErrors.invalid("1 validation error detected: Value '" + name + "' at 'deliveryStreamName'"
                    + " failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    private JsonNode create(ObjectNode input, RequestContext context) {
        String name = name(input);
        String type = Members.text(input, "DeliveryStreamType", "DirectPut");
        if (type.equals("KinesisStreamAsSource") || type.equals("MSKAsSource") || type.equals("DatabaseAsSource")) {
            throw FirehoseErrors.notSupported("DeliveryStreamType " + type);
        } else if (!type.equals("DirectPut")) {
            throw FirehoseErrors.invalid("1 validation error detected: Value '" + type + "' at 'deliveryStreamType'"
                    + " failed to satisfy constraint: Member must satisfy enum value set: [DirectPut,"
                    + " KinesisStreamAsSource, MSKAsSource, DatabaseAsSource]");
        }
        S3Destination destination = destination(input);
        String arn = "arn:aws:firehose:" + context.region() + ":" + context.accountId() + ":deliverystream/" + name;
        S3Buffer buffer = new S3Buffer(name, "1", destination, registry.clock(), registry.scheduler(),
                (bucket, key, body) -> writeObject(context, bucket, key, body));
        DeliveryStream stream = new DeliveryStream(name, arn, type, null, destination, registry.clock().millis(), buffer);
        tags(input.path("Tags"), stream.tags);
        if (scope(context).putIfAbsent(name, stream) != null) {
            throw FirehoseErrors.inUse("Firehose " + name + " under accountId " + context.accountId()
                    + " already exists");
        }
        settle(() -> stream.status = "ACTIVE");
        return JsonNodeFactory.instance.objectNode().put("DeliveryStreamARN", arn);
    }

    private static S3Destination destination(ObjectNode input) {
        S3Destination found = null;
        for (String member : new String[] {"ExtendedS3DestinationConfiguration", "S3DestinationConfiguration"}) {
            if (Members.has(input, member)) {
                if (found != null) {
                    throw FirehoseErrors.invalid("Only one destination configuration can be given; found "
                            + found.member() + " and " + member);
                }
                found = S3Destination.parse(member, input.get(member));
            }
        }
        for (String member : new String[] {"RedshiftDestinationConfiguration", "ElasticsearchDestinationConfiguration",
                "AmazonopensearchserviceDestinationConfiguration", "SplunkDestinationConfiguration",
                "HttpEndpointDestinationConfiguration", "AmazonOpenSearchServerlessDestinationConfiguration",
                "SnowflakeDestinationConfiguration", "IcebergDestinationConfiguration"}) {
            if (Members.has(input, member)) {
                throw FirehoseErrors.notSupported(member);
            }
        }
        if (found == null) {
            throw FirehoseErrors.invalid("A destination configuration is required:"
                    + " ExtendedS3DestinationConfiguration or S3DestinationConfiguration");
        }
        return found;
    }

    private void writeObject(RequestContext context, String bucket, String key, byte[] body) {
        ObjectNode put = JsonNodeFactory.instance.objectNode().put("Bucket", bucket).put("Key", key)
                .put("Body", body).put("ContentType", "application/octet-stream");
        registry.service("s3").invoke("PutObject", put, context);
    }

    private void settle(Runnable change) {
        long delay = registry.settings().statusTransitionDelay().toMillis();
        if (delay == 0) {
            change.run();
        } else {
            registry.scheduler().schedule(change, delay, TimeUnit.MILLISECONDS);
        }
    }

    private JsonNode describe(ObjectNode input, RequestContext context) {
        DeliveryStream stream = stream(context, name(input));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode d = out.putObject("DeliveryStreamDescription");
        d.put("DeliveryStreamName", stream.name).put("DeliveryStreamARN", stream.arn)
                .put("DeliveryStreamStatus", stream.status).put("DeliveryStreamType", stream.type)
                .put("VersionId", stream.versionId());
        d.set("CreateTimestamp", Timestamps.node(Instant.ofEpochMilli(stream.createdMillis)));
        d.putObject("DeliveryStreamEncryptionConfiguration").put("Status", "DISABLED");
        ObjectNode destination = d.putArray("Destinations").addObject().put("DestinationId", "destinationId-000000000001");
        String description = stream.destination.member().replace("Configuration", "Description");
        destination.set(description, stream.destination.description());
        d.put("HasMoreDestinations", false);
        return out;
    }

    private JsonNode list(ObjectNode input, RequestContext context) {
        int limit = Members.integer(input, "Limit", 10, FirehoseErrors.INVALID);
        if (limit < 1 || limit > 10000) {
            throw FirehoseErrors.invalid("1 validation error detected: Value '" + limit + "' at 'limit' failed to"
                    + " satisfy constraint: Member must have value between 1 and 10000");
        }
        String type = Members.text(input, "DeliveryStreamType");
        String after = Members.text(input, "ExclusiveStartDeliveryStreamName");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode names = out.putArray("DeliveryStreamNames");
        boolean more = false;
        for (DeliveryStream stream : scope(context).values()) {
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

    private JsonNode delete(ObjectNode input, RequestContext context) {
        DeliveryStream stream = stream(context, name(input));
        stream.status = "DELETING";
        stream.buffer.close();
        settle(() -> scope(context).remove(stream.name, stream));
        return JsonNodeFactory.instance.objectNode();
    }

    private JsonNode putRecord(ObjectNode input, RequestContext context) {
        DeliveryStream stream = active(context, name(input));
        byte[] data = data(input.path("Record"), "record.data");
        stream.buffer.add(data);
        return JsonNodeFactory.instance.objectNode().put("RecordId", recordId()).put("Encrypted", false);
    }

    private JsonNode putRecordBatch(ObjectNode input, RequestContext context) {
        DeliveryStream stream = active(context, name(input));
        JsonNode records = input.path("Records");
        if (!records.isArray() || records.isEmpty() || records.size() > MAX_BATCH_RECORDS) {
            throw FirehoseErrors.invalid("1 validation error detected: Value at 'records' failed to satisfy"
                    + " constraint: Member must have length less than or equal to " + MAX_BATCH_RECORDS
                    + " and greater than or equal to 1");
        }
        byte[][] all = new byte[records.size()][];
        long total = 0;
        for (int i = 0; i < records.size(); i++) {
            all[i] = data(records.get(i), "records." + (i + 1) + ".member.data");
            total += all[i].length;
        }
        if (total > MAX_BATCH_BYTES) {
            throw FirehoseErrors.invalid("Records size exceeds 4 MB limit");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("FailedPutCount", 0).put("Encrypted", false);
        ArrayNode responses = out.putArray("RequestResponses");
        for (byte[] data : all) {
            stream.buffer.add(data);
            responses.addObject().put("RecordId", recordId());
        }
        return out;
    }

    private static byte[] data(JsonNode record, String path) {
        JsonNode node = record.get("Data");
        byte[] bytes;
        try {
            bytes = node == null || node.isNull() ? null : node.binaryValue();
        } catch (IOException | IllegalArgumentException e) {
            throw new AwsServiceException("SerializationException", "Member Data must be base64-encoded binary data");
        }
        if (bytes == null) {
            throw FirehoseErrors.invalid("1 validation error detected: Value null at '" + path
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (bytes.length > MAX_RECORD_BYTES) {
            throw FirehoseErrors.invalid("1 validation error detected: Value at '" + path + "' failed to satisfy"
                    + " constraint: Member must have length less than or equal to " + MAX_RECORD_BYTES);
        }
        return bytes;
    }

    private static String recordId() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    private JsonNode tag(ObjectNode input, RequestContext context) {
        DeliveryStream stream = stream(context, name(input));
        tags(input.path("Tags"), stream.tags);
        return JsonNodeFactory.instance.objectNode();
    }

    /** Adds the given tags to {@code into} all together, or none when one is invalid or too many would result. */
    private static void tags(JsonNode given, Map<String, String> into) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(into);
        for (JsonNode tag : given) {
            String key = Members.text(tag, "Key");
            if (key == null || key.isEmpty()) {
                throw FirehoseErrors.invalid("1 validation error detected: Value null at 'tags.member.key' failed"
                        + " to satisfy constraint: Member must not be null");
            }
            merged.put(key, Members.text(tag, "Value", ""));
        }
        if (merged.size() > 50) {
            throw FirehoseErrors.invalid("A delivery stream can have at most 50 tags; it would have " + merged.size());
        }
        into.putAll(merged);
    }

    private JsonNode untag(ObjectNode input, RequestContext context) {
        DeliveryStream stream = stream(context, name(input));
        input.path("TagKeys").forEach(key -> stream.tags.remove(key.asText()));
        return JsonNodeFactory.instance.objectNode();
    }

    private JsonNode listTags(ObjectNode input, RequestContext context) {
        DeliveryStream stream = stream(context, name(input));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode tags = out.putArray("Tags");
        stream.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        out.put("HasMoreTags", false);
        return out;
    }

    @Override
    public void close() {
        streams.values().forEach(scope -> scope.values().forEach(s -> s.buffer.close()));
    }
}

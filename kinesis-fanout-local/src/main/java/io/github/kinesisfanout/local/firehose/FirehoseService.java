package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.Timestamps;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import io.github.kinesisfanout.local.kinesis.access.KinesisStreamAccess;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Amazon Data Firehose (JSON 1.1, target prefix {@code Firehose_20150804}): delivery streams to S3,
 * fed by PutRecord / PutRecordBatch (DirectPut) or by reading a Kinesis stream
 * (KinesisStreamAsSource), buffered by size and interval and written with Firehose's default object
 * keys.
 */
public final class FirehoseService implements AwsService, AutoCloseable {

    /** The X-Amz-Target prefix of the Firehose API. */
    public static final String TARGET_PREFIX = "Firehose_20150804";

    /** The cloud's clock, scheduler, delay, data directory and services (named so as not to be taken for a call's {@code context}). */
    private final ServiceContext cloud;
    private final Map<String, Map<String, DeliveryStream>> streams = new ConcurrentHashMap<>();
    private final StreamAccess kinesis;
    private final RecordSubscriptions subscriptions = new RecordSubscriptions();
    private final DeliveryStreamStorage storage;
    private static final System.Logger LOG = System.getLogger(FirehoseService.class.getName());

    /** The service of a local cloud: delivery streams kept in its data directory when it has one. */
    public FirehoseService(ServiceContext cloud) {
        this.cloud = cloud;
        this.kinesis = new KinesisStreamAccess(cloud.services()::kinesis);
        this.storage = cloud.dataDirectory().map(d -> new DeliveryStreamStorage(d.serviceDirectory("firehose")))
                .orElse(DeliveryStreamStorage.NONE);
        restore();
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
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

    /**
     * Puts records into an ACTIVE DirectPut delivery stream from the same JVM (Kinesis Analytics
     * outputs), all of them or none: ResourceNotFoundException or InvalidArgumentException as PutRecordBatch.
     */
    public void putRecords(RequestContext context, String name, List<byte[]> records) {
        accept(context, directPut(context, name), records);
    }

    /** The DeliveryStreamType of a delivery stream ({@code DirectPut}, ...); ResourceNotFoundException when there is none. */
    public String deliveryStreamType(RequestContext context, String name) {
        return stream(context, name).type;
    }

    /**
     * Hands every record put into the DirectPut delivery stream from now on to {@code subscriber}, in
     * the putting thread before the put answers (a subscriber that blocks holds the put back), along
     * with its delivery to S3: how a Kinesis Analytics application reads a delivery stream. The
     * subscription is by name: it outlives a delete and re-create under the same name.
     */
    public RecordSubscription subscribe(RequestContext context, String name, Consumer<List<AcceptedRecord>> subscriber) {
        DeliveryStream stream = stream(context, name);
        if (stream.source != null) {
            throw FirehoseErrors.INVALID_ARGUMENT.error("Delivery stream " + name + " is of type " + stream.type
                    + "; only a DirectPut delivery stream can be read this way.");
        }
        return subscriptions.subscribe(scopeKey(context), name, subscriber);
    }

    /** What a DirectPut delivery stream does with records it takes: buffer them for S3, then tell its subscribers. */
    private void accept(RequestContext context, DeliveryStream stream, List<byte[]> records) {
        records.forEach(stream.buffer::add);
        stream.buffer.awaitDurable();
        subscriptions.publish(scopeKey(context), stream.name, records, cloud.clock().instant());
    }

    private static String scopeKey(RequestContext context) {
        return context.accountId() + "/" + context.region();
    }

    private Map<String, DeliveryStream> scope(RequestContext context) {
        return streams.computeIfAbsent(scopeKey(context), k -> new ConcurrentSkipListMap<>());
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

    /** An ACTIVE delivery stream that takes puts: one reading a Kinesis stream refuses them, as AWS does. */
    private DeliveryStream directPut(RequestContext context, String name) {
        DeliveryStream stream = active(context, name);
        if (stream.source != null) {
            throw FirehoseErrors.INVALID_ARGUMENT.error(
                    "This operation is not permitted on KinesisStreamAsSource delivery stream type.");
        }
        return stream;
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

    private JsonNode create(ObjectNode input, RequestContext context) {
        String name = name(input);
        ObjectNode request = input.deepCopy();
        request.remove(List.of("Tags", "DeliveryStreamName"));
        DeliveryStream stream = build(context, name, request, cloud.clock().millis(), cloud.clock().instant());
        tags(input.path("Tags"), stream.tags);
        if (scope(context).putIfAbsent(name, stream) != null) {
            throw FirehoseErrors.RESOURCE_IN_USE.error("Firehose " + name + " under accountId " + context.accountId()
                    + " already exists");
        }
        try {
            startReading(stream);
        } catch (AwsServiceException e) {
            scope(context).remove(name, stream);
            throw e;
        }
        stream.buffer.openJournal(replay -> storage.journal(stream.accountId, stream.region, name, replay));
        save(stream);
        settle(() -> {
            stream.status = "ACTIVE";
            save(stream);
        });
        return JsonNodeFactory.instance.objectNode().put("DeliveryStreamARN", stream.arn);
    }

    /** A delivery stream from its request (validated here), not yet registered nor reading. */
    private DeliveryStream build(RequestContext context, String name, ObjectNode request, long createdMillis,
            Instant sourceStart) {
        String type = DeliveryStreamRequests.type(request);
        KinesisStreamSource source = DeliveryStreamRequests.source(type, request, sourceStart);
        S3Destination destination = DeliveryStreamRequests.destination(request);
        S3Buffer buffer = new S3Buffer(name, "1", destination, cloud.clock(), cloud.scheduler(),
                (bucket, key, body) -> writeObject(context, bucket, key, body));
        return new DeliveryStream(name, context.accountId(), context.region(), request, source, destination,
                createdMillis, buffer);
    }

    /** A KinesisStreamAsSource delivery stream starts reading its stream at LATEST; a DirectPut one has nothing to read. */
    private void startReading(DeliveryStream stream) {
        KinesisStreamSource source = stream.source;
        if (source == null) {
            return;
        }
        try {
            stream.reader = KinesisSourceReader.start(kinesis, source.kinesisStreamArn(), stream.buffer::add, stream.name);
        } catch (AwsServiceException e) {
            throw FirehoseErrors.INVALID_ARGUMENT.error(KinesisStreamSource.MEMBER + ".KinesisStreamARN "
                    + source.kinesisStreamArn() + " cannot be read: " + e.errorCode() + ": " + e.getMessage());
        }
    }

    /**
     * Makes again the delivery streams kept in the data directory: with their configuration, tags and
     * buffered records; CREATING ones become ACTIVE after the transition delay. A KinesisStreamAsSource
     * one reads its stream from LATEST again.
     */
    private void restore() {
        for (ObjectNode kept : storage.loadAll()) {
            String name = kept.path("name").asText();
            RequestContext context = new RequestContext(UUID.randomUUID().toString(), kept.path("accountId").asText(),
                    kept.path("region").asText());
            try {
                DeliveryStream stream = build(context, name, (ObjectNode) kept.get("request"),
                        kept.path("createdMillis").asLong(), Instant.ofEpochMilli(kept.path("deliveryStartMillis")
                                .asLong(cloud.clock().millis())));
                kept.path("tags").fields().forEachRemaining(tag -> stream.tags.put(tag.getKey(), tag.getValue().asText()));
                stream.status = kept.path("status").asText("CREATING");
                scope(context).put(name, stream);
                stream.buffer.openJournal(replay -> storage.journal(stream.accountId, stream.region, name, replay));
                if (!"ACTIVE".equals(stream.status)) {
                    settle(() -> {
                        stream.status = "ACTIVE";
                        save(stream);
                    });
                }
                resumeReading(stream);
            } catch (AwsServiceException e) {
                LOG.log(System.Logger.Level.WARNING, "delivery stream " + name + " kept in the data directory"
                        + " cannot be made again, skipped: " + e.getMessage());
            }
        }
    }

    /** Starts reading the source of a restored delivery stream; while its stream cannot be read, tries every second. */
    private void resumeReading(DeliveryStream stream) {
        if ("DELETING".equals(stream.status) || stream.reader != null) {
            return;
        }
        try {
            startReading(stream);
        } catch (AwsServiceException e) {
            LOG.log(System.Logger.Level.WARNING, "delivery stream " + stream.name + ": " + e.getMessage() + "; retrying");
            cloud.scheduler().schedule(() -> resumeReading(stream), 1, TimeUnit.SECONDS);
        }
    }

    private void save(DeliveryStream stream) {
        synchronized (stream) {
            if (!"DELETING".equals(stream.status)) {
                storage.save(stream.accountId, stream.region, stream.name, stream.snapshot());
            }
        }
    }

    private void writeObject(RequestContext context, String bucket, String key, byte[] body) {
        ObjectNode put = JsonNodeFactory.instance.objectNode().put("Bucket", bucket).put("Key", key)
                .put("Body", body).put("ContentType", "application/octet-stream");
        cloud.services().service("s3").invoke("PutObject", put, context);
    }

    private void settle(Runnable change) {
        long delay = cloud.statusTransitionDelay().toMillis();
        if (delay == 0) {
            change.run();
        } else {
            cloud.scheduler().schedule(change, delay, TimeUnit.MILLISECONDS);
        }
    }

    private JsonNode describe(ObjectNode input, RequestContext context) {
        DeliveryStream stream = stream(context, validatedName(input));
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

    private JsonNode list(ObjectNode input, RequestContext context) {
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
        DeliveryStream stream = stream(context, validatedName(input));
        synchronized (stream) {
            stream.status = "DELETING";
        }
        stream.stop();
        storage.delete(stream.accountId, stream.region, stream.name);
        settle(() -> scope(context).remove(stream.name, stream));
        return JsonNodeFactory.instance.objectNode();
    }

    private JsonNode putRecord(ObjectNode input, RequestContext context) {
        DeliveryStream stream = directPut(context, name(input));
        return RecordPuts.putRecord(records -> accept(context, stream, records), input);
    }

    private JsonNode putRecordBatch(ObjectNode input, RequestContext context) {
        DeliveryStream stream = directPut(context, name(input));
        return RecordPuts.putRecordBatch(records -> accept(context, stream, records), input);
    }

    private JsonNode tag(ObjectNode input, RequestContext context) {
        DeliveryStream stream = stream(context, name(input));
        synchronized (stream) {
            tags(input.path("Tags"), stream.tags);
        }
        save(stream);
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

    private JsonNode untag(ObjectNode input, RequestContext context) {
        DeliveryStream stream = stream(context, name(input));
        synchronized (stream) {
            input.path("TagKeys").forEach(key -> stream.tags.remove(key.asText()));
        }
        save(stream);
        return JsonNodeFactory.instance.objectNode();
    }

    private JsonNode listTags(ObjectNode input, RequestContext context) {
        DeliveryStream stream = stream(context, name(input));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode tags = out.putArray("Tags");
        synchronized (stream) {
            stream.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        out.put("HasMoreTags", false);
        return out;
    }

    /** Stops reading sources and writes every buffer to S3 (S3 closes after Firehose). */
    @Override
    public void close() {
        streams.values().forEach(scope -> scope.values().forEach(DeliveryStream::shutDown));
    }
}

package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.List;
import java.util.function.Consumer;

/**
 * Amazon Data Firehose (JSON 1.1, target prefix {@code Firehose_20150804}): delivery streams to S3,
 * fed by PutRecord / PutRecordBatch (DirectPut) or by reading a Kinesis stream
 * (KinesisStreamAsSource), buffered by size and interval and written with Firehose's default object
 * keys. The operations on delivery streams are {@link DeliveryStreamOperations}, the streams themselves
 * (built, kept, made again) {@link DeliveryStreams}; the put path is here.
 */
public final class FirehoseService implements AwsService, AutoCloseable {

    /** The X-Amz-Target prefix of the Firehose API. */
    public static final String TARGET_PREFIX = "Firehose_20150804";

    /** The cloud's clock, scheduler, delay, data directory and services (named so as not to be taken for a call's {@code context}). */
    private final ServiceContext cloud;
    private final RecordSubscriptions subscriptions = new RecordSubscriptions();
    private final DeliveryStreams streams;
    private final DeliveryStreamOperations operations;

    /** The service of a local cloud: delivery streams kept in its data directory when it has one. */
    public FirehoseService(ServiceContext cloud) {
        this.cloud = cloud;
        this.streams = new DeliveryStreams(cloud);
        this.operations = new DeliveryStreamOperations(streams);
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
            case "CreateDeliveryStream" -> operations.create(input, context);
            case "DescribeDeliveryStream" -> operations.describe(input, context);
            case "ListDeliveryStreams" -> operations.list(input, context);
            case "DeleteDeliveryStream" -> operations.delete(input, context);
            case "PutRecord" -> putRecord(input, context);
            case "PutRecordBatch" -> putRecordBatch(input, context);
            case "TagDeliveryStream" -> operations.tag(input, context);
            case "UntagDeliveryStream" -> operations.untag(input, context);
            case "ListTagsForDeliveryStream" -> operations.listTags(input, context);
            default -> throw AwsServiceException.notSupported("Firehose", operation);
        };
    }

    /**
     * Puts records into an ACTIVE DirectPut delivery stream from the same JVM (Kinesis Analytics
     * outputs), all of them or none: ResourceNotFoundException or InvalidArgumentException as PutRecordBatch.
     */
    public void putRecords(RequestContext context, String name, List<byte[]> records) {
        accept(context, streams.directPut(context, name), records);
    }

    /** The DeliveryStreamType of a delivery stream ({@code DirectPut}, ...); ResourceNotFoundException when there is none. */
    public String deliveryStreamType(RequestContext context, String name) {
        return streams.stream(context, name).type;
    }

    /**
     * Hands every record put into the DirectPut delivery stream from now on to {@code subscriber}, in
     * the putting thread before the put answers (a subscriber that blocks holds the put back), along
     * with its delivery to S3: how a Kinesis Analytics application reads a delivery stream. The
     * subscription is by name: it outlives a delete and re-create under the same name.
     */
    public RecordSubscription subscribe(RequestContext context, String name, Consumer<List<AcceptedRecord>> subscriber) {
        DeliveryStream stream = streams.stream(context, name);
        if (stream.source != null) {
            throw FirehoseErrors.INVALID_ARGUMENT.error("Delivery stream " + name + " is of type " + stream.type
                    + "; only a DirectPut delivery stream can be read this way.");
        }
        return subscriptions.subscribe(DeliveryStreams.scopeKey(context), name, subscriber);
    }

    /** What a DirectPut delivery stream does with records it takes: buffer them for S3, then tell its subscribers. */
    private void accept(RequestContext context, DeliveryStream stream, List<byte[]> records) {
        records.forEach(stream.buffer::add);
        stream.buffer.awaitDurable();
        subscriptions.publish(DeliveryStreams.scopeKey(context), stream.name, records, cloud.clock().instant());
    }

    private JsonNode putRecord(ObjectNode input, RequestContext context) {
        DeliveryStream stream = streams.directPut(context, DeliveryStreamRequests.name(input));
        return RecordPuts.putRecord(records -> accept(context, stream, records), input);
    }

    private JsonNode putRecordBatch(ObjectNode input, RequestContext context) {
        DeliveryStream stream = streams.directPut(context, DeliveryStreamRequests.name(input));
        return RecordPuts.putRecordBatch(records -> accept(context, stream, records), input);
    }

    /** Stops reading sources and writes every buffer to S3 (S3 closes after Firehose). */
    @Override
    public void close() {
        streams.close();
    }
}

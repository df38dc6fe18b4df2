package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One delivery stream: its name, ARN, status, source, S3 destination and tags. Records (put, or read
 * from its Kinesis stream source by its {@link KinesisSourceReader}) wait in its {@link S3Buffer}
 * until the buffering hints say to write them.
 */
final class DeliveryStream {

    final String name;
    final String arn;
    final String accountId;
    final String region;
    final String type;
    /** The CreateDeliveryStream request it was made from, without its tags: what a restart parses again. */
    final ObjectNode request;
    /** The Kinesis stream it reads, or null for DirectPut. */
    final KinesisStreamSource source;
    final S3Destination destination;
    final long createdMillis;
    final Map<String, String> tags = new TreeMap<>();
    final S3Buffer buffer;
    volatile String status = "CREATING";
    volatile KinesisSourceReader reader;

    DeliveryStream(String name, String accountId, String region, ObjectNode request, KinesisStreamSource source,
            S3Destination destination, long createdMillis, S3Buffer buffer) {
        this.name = name;
        this.accountId = accountId;
        this.region = region;
        this.arn = "arn:aws:firehose:" + region + ":" + accountId + ":deliverystream/" + name;
        this.request = request;
        this.type = DeliveryStreamRequests.type(request);
        this.source = source;
        this.destination = destination;
        this.createdMillis = createdMillis;
        this.buffer = buffer;
    }

    /** Stops reading its source and drops what is buffered: it is deleted. */
    void stop() {
        stopReading();
        buffer.close();
    }

    /** Stops reading its source and writes what is buffered to S3: its cloud closes. */
    void shutDown() {
        stopReading();
        buffer.flushAndClose();
    }

    private void stopReading() {
        KinesisSourceReader running = reader;
        if (running != null) {
            running.stop();
        }
    }

    /** What a restart needs to make it again: its request, tags, status, creation and source start times. */
    synchronized ObjectNode snapshot() {
        ObjectNode node = request.objectNode();
        node.put("name", name).put("accountId", accountId).put("region", region).put("status", status)
                .put("createdMillis", createdMillis);
        node.set("request", request.deepCopy());
        ObjectNode kept = node.putObject("tags");
        tags.forEach(kept::put);
        if (source != null) {
            node.put("deliveryStartMillis", source.deliveryStartTimestamp().toEpochMilli());
        }
        return node;
    }

    /** The version id of its configuration; the local cloud has no UpdateDestination, so always 1. */
    String versionId() {
        return "1";
    }
}

package io.github.kinesisfanout.local.firehose;

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
    final String type;
    /** The Kinesis stream it reads, or null for DirectPut. */
    final KinesisStreamSource source;
    final S3Destination destination;
    final long createdMillis;
    final Map<String, String> tags = new TreeMap<>();
    final S3Buffer buffer;
    volatile String status = "CREATING";
    volatile KinesisSourceReader reader;

    DeliveryStream(String name, String arn, String type, KinesisStreamSource source, S3Destination destination,
            long createdMillis, S3Buffer buffer) {
        this.name = name;
        this.arn = arn;
        this.type = type;
        this.source = source;
        this.destination = destination;
        this.createdMillis = createdMillis;
        this.buffer = buffer;
    }

    /** Stops reading its source and drops what is buffered: it is deleted, or its cloud closes. */
    void stop() {
        KinesisSourceReader running = reader;
        if (running != null) {
            running.stop();
        }
        buffer.close();
    }

    /** The version id of its configuration; the local cloud has no UpdateDestination, so always 1. */
    String versionId() {
        return "1";
    }
}

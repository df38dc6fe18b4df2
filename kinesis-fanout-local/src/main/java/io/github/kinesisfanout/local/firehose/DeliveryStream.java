package io.github.kinesisfanout.local.firehose;

import java.util.Map;
import java.util.TreeMap;

/**
 * One delivery stream: its name, ARN, status, source, S3 destination and tags. Records wait in its
 * {@link S3Buffer} until the buffering hints say to write them.
 */
final class DeliveryStream {

    final String name;
    final String arn;
    final String type;
    final String sourceStreamArn;
    final S3Destination destination;
    final long createdMillis;
    final Map<String, String> tags = new TreeMap<>();
    final S3Buffer buffer;
    volatile String status = "CREATING";

    DeliveryStream(String name, String arn, String type, String sourceStreamArn, S3Destination destination,
            long createdMillis, S3Buffer buffer) {
        this.name = name;
        this.arn = arn;
        this.type = type;
        this.sourceStreamArn = sourceStreamArn;
        this.destination = destination;
        this.createdMillis = createdMillis;
        this.buffer = buffer;
    }

    /** The version id of its configuration; the local cloud has no UpdateDestination, so always 1. */
    String versionId() {
        return "1";
    }
}

package io.github.kinesisfanout.local.firehose;

import java.time.Instant;

/**
 * A record a DirectPut delivery stream took, as its subscribers see it (a Kinesis Analytics input
 * reading the delivery stream).
 *
 * @param data the record bytes (do not modify)
 * @param arrival when the delivery stream took it
 */
public record AcceptedRecord(byte[] data, Instant arrival) {
}

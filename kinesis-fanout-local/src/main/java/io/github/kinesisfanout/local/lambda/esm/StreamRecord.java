package io.github.kinesisfanout.local.lambda.esm;

import java.time.Instant;

/**
 * One Kinesis record as an event source mapping reads it.
 *
 * @param sequenceNumber the record's sequence number
 * @param partitionKey its partition key
 * @param data its data blob
 * @param arrival its ApproximateArrivalTimestamp
 * @param encryptionType {@code KMS}, or null on an unencrypted stream
 */
public record StreamRecord(String sequenceNumber, String partitionKey, byte[] data, Instant arrival,
        String encryptionType) {
}

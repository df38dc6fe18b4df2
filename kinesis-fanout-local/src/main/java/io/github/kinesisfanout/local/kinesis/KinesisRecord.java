package io.github.kinesisfanout.local.kinesis;

import java.time.Instant;

/**
 * A record as GetRecords returns it.
 *
 * @param sequenceNumber its 56-digit sequence number, unique and increasing within its shard
 * @param approximateArrivalTimestamp when the shard took it (millisecond precision)
 * @param data the payload (do not modify)
 * @param partitionKey the partition key it was written with
 */
public record KinesisRecord(String sequenceNumber, Instant approximateArrivalTimestamp, byte[] data,
        String partitionKey) {
}

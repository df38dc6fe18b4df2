package io.github.kinesisfanout.operations.verify;

/**
 * One record put-records sent, as its manifest line lists it.
 *
 * @param data the record text
 * @param partitionKey the partition key it was put with
 * @param shardId the shard Kinesis wrote it to
 * @param sequenceNumber the sequence number Kinesis gave it
 * @param putTimeMillis when PutRecords accepted it (epoch milliseconds)
 */
public record ManifestRecord(String data, String partitionKey, String shardId, String sequenceNumber,
        long putTimeMillis) {
}

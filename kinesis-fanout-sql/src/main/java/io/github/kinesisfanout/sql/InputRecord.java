package io.github.kinesisfanout.sql;

/**
 * One raw record read from an application input, with its Kinesis metadata.
 *
 * @param data the record bytes
 * @param rowtimeMillis the ROWTIME of the row(s) it makes (epoch milliseconds)
 * @param approximateArrivalMillis Kinesis ApproximateArrivalTimestamp (APPROXIMATE_ARRIVAL_TIME)
 * @param partitionKey the Kinesis partition key
 * @param sequenceNumber the Kinesis sequence number
 * @param shardId the shard the record came from
 */
public record InputRecord(byte[] data, long rowtimeMillis, long approximateArrivalMillis,
        String partitionKey, String sequenceNumber, String shardId) {
}

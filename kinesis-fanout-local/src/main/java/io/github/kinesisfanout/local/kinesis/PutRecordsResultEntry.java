package io.github.kinesisfanout.local.kinesis;

/**
 * The outcome of one written record: its shard and sequence number, or the error of a failed entry
 * (ProvisionedThroughputExceededException or InternalFailure, as PutRecords reports them).
 */
public record PutRecordsResultEntry(String shardId, String sequenceNumber, String errorCode, String errorMessage) {

    public boolean failed() {
        return errorCode != null;
    }
}

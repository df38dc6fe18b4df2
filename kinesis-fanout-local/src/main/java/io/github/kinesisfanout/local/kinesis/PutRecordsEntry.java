package io.github.kinesisfanout.local.kinesis;

/**
 * One record to write.
 *
 * @param partitionKey routes the record (MD5 of its UTF-8 bytes), 1 to 256 characters
 * @param data the payload
 * @param explicitHashKey a decimal hash key that overrides the partition key's hash, or null
 */
public record PutRecordsEntry(String partitionKey, byte[] data, String explicitHashKey) {

    public PutRecordsEntry(String partitionKey, byte[] data) {
        this(partitionKey, data, null);
    }
}

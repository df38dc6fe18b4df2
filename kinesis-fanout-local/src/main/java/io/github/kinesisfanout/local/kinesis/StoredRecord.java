package io.github.kinesisfanout.local.kinesis;

/**
 * One record as a shard keeps it: its position in the shard (the variable part of its sequence
 * number), its payload, partition key and arrival time.
 */
record StoredRecord(long counter, byte[] data, String partitionKey, long arrivalMillis) {

    /** The bytes the record counts against size limits: data plus partition key, as AWS counts them. */
    long size() {
        return data.length + (long) partitionKey.length();
    }
}

package io.github.kinesisfanout.operations.putrecords;

import java.nio.charset.StandardCharsets;

/**
 * One record on its way to Kinesis.
 *
 * @param number its position in the run, from 1, for messages
 * @param text the record as text (the manifest keeps it)
 * @param data the bytes sent as the record's Data
 * @param partitionKey its partition key
 */
public record OutgoingRecord(long number, String text, byte[] data, String partitionKey) {

    /** A record whose data is the UTF-8 encoding of its text. */
    public static OutgoingRecord of(long number, String text, String partitionKey) {
        return new OutgoingRecord(number, text, text.getBytes(StandardCharsets.UTF_8), partitionKey);
    }

    /**
     * The bytes this record counts against the PutRecords request limits: AWS counts the data blob
     * and the partition key together toward both the 1 MiB record and the 5 MiB request limit.
     */
    public int size() {
        return data.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
    }
}

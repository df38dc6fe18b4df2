package io.github.kinesisfanout.operations.putrecords;

/** Receives each record Kinesis accepted, with where it landed. */
@FunctionalInterface
interface SentRecordSink {

    void accepted(OutgoingRecord record, String shardId, String sequenceNumber, long putTimestampMillis);
}

package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * The event an input preprocessing function receives for records of a Kinesis stream (AWS's "Kinesis Streams
 * Request Data Model", aws-lambda-java-events' {@code KinesisAnalyticsStreamsInputPreprocessingEvent}):
 * {@code invocationId} (a random GUID), {@code applicationArn}, {@code streamArn} and {@code records[]} with
 * {@code recordId} (the record's sequence number, unique within the shard the batch comes from),
 * {@code kinesisStreamRecordMetadata{sequenceNumber, partitionKey, shardId, approximateArrivalTimestamp}} (epoch
 * milliseconds, the library's {@code Long}) and {@code data} (base64).
 */
final class PreprocessingEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreprocessingEvent() {
    }

    /** The recordId a record is sent with, and that the response must answer. */
    static String recordId(KinesisRecord record) {
        return record.sequenceNumber();
    }

    /** A rough upper bound of what one record adds to the event: its base64 data and its metadata. */
    static long estimatedSize(KinesisRecord record) {
        return (record.data().length + 2L) / 3 * 4 + 3L * record.sequenceNumber().length()
                + record.partitionKey().length() + 256;
    }

    static byte[] of(String applicationArn, String streamArn, String shardId, List<KinesisRecord> records) {
        ObjectNode event = JSON.createObjectNode();
        event.put("invocationId", UUID.randomUUID().toString());
        event.put("applicationArn", applicationArn);
        event.put("streamArn", streamArn);
        ArrayNode entries = event.putArray("records");
        for (KinesisRecord record : records) {
            ObjectNode entry = entries.addObject();
            entry.put("recordId", recordId(record));
            ObjectNode metadata = entry.putObject("kinesisStreamRecordMetadata");
            metadata.put("sequenceNumber", record.sequenceNumber());
            metadata.put("partitionKey", record.partitionKey());
            metadata.put("shardId", shardId);
            metadata.put("approximateArrivalTimestamp", record.approximateArrivalTimestamp().toEpochMilli());
            entry.put("data", record.data());
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

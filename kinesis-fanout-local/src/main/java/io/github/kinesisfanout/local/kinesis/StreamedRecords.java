package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.edge.StreamedValue;
import io.github.kinesisfanout.local.edge.Timestamps;
import java.io.IOException;
import java.util.List;

/**
 * The {@code Records} members of GetRecords and PutRecords answers, written by the codec straight from
 * the shard's records and the write results: up to 10,000 records per answer with no tree node, and
 * sequence numbers rendered as digits without a string per record. Member names and order are those
 * of the Kinesis API's {@code Record} and {@code PutRecordsResultEntry} shapes.
 */
final class StreamedRecords {

    private static final SerializableString SEQUENCE_NUMBER = new SerializedString("SequenceNumber");
    private static final SerializableString ARRIVAL = new SerializedString("ApproximateArrivalTimestamp");
    private static final SerializableString DATA = new SerializedString("Data");
    private static final SerializableString PARTITION_KEY = new SerializedString("PartitionKey");
    private static final SerializableString SHARD_ID = new SerializedString("ShardId");
    private static final SerializableString ERROR_CODE = new SerializedString("ErrorCode");
    private static final SerializableString ERROR_MESSAGE = new SerializedString("ErrorMessage");

    private StreamedRecords() {
    }

    /** GetRecords' records: SequenceNumber, ApproximateArrivalTimestamp, Data, PartitionKey each. */
    static JsonNode records(Shard shard, List<StoredRecord> records) {
        return StreamedValue.node(out -> {
            byte[] sequenceNumber = new byte[SequenceNumbers.LENGTH];
            out.writeStartArray();
            for (StoredRecord record : records) {
                out.writeStartObject();
                out.writeFieldName(SEQUENCE_NUMBER);
                shard.sequenceNumber(record.counter(), sequenceNumber);
                out.writeUTF8String(sequenceNumber, 0, sequenceNumber.length);
                out.writeFieldName(ARRIVAL);
                Timestamps.write(record.arrivalMillis(), out);
                out.writeFieldName(DATA);
                out.writeBinary(record.data());
                out.writeFieldName(PARTITION_KEY);
                out.writeString(record.partitionKey());
                out.writeEndObject();
            }
            out.writeEndArray();
        });
    }

    /**
     * PutRecords' results: SequenceNumber (its digits written from the shard's prefix and the counter)
     * and ShardId, or ErrorCode and ErrorMessage for a failed entry.
     */
    static JsonNode putResults(WrittenRecords results) {
        return StreamedValue.node(out -> {
            byte[] sequenceNumber = new byte[SequenceNumbers.LENGTH];
            out.writeStartArray();
            for (int i = 0; i < results.size(); i++) {
                out.writeStartObject();
                if (results.failed(i)) {
                    member(out, ERROR_CODE, results.errorCode(i));
                    member(out, ERROR_MESSAGE, results.errorMessage(i));
                } else {
                    Shard shard = results.shard(i);
                    out.writeFieldName(SEQUENCE_NUMBER);
                    shard.sequenceNumber(results.counter(i), sequenceNumber);
                    out.writeUTF8String(sequenceNumber, 0, sequenceNumber.length);
                    member(out, SHARD_ID, shard.shardId());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        });
    }

    private static void member(JsonGenerator out, SerializableString name, String value) throws IOException {
        out.writeFieldName(name);
        out.writeString(value);
    }
}

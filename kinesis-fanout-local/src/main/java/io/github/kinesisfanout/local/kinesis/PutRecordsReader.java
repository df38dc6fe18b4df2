package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kinesisfanout.local.edge.StreamedOperation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PutRecords body (CBOR or JSON) token by token into {@link PutRecordsEntry}s, with no tree:
 * {@code StreamName}, {@code StreamARN} and {@code Records} of {@code Data} (CBOR's byte string, read once
 * into the record's own array, or JSON's base64 string), {@code PartitionKey} and {@code ExplicitHashKey}.
 *
 * <p>It takes only a body the tree path would take as it is: any other member, a member twice, a
 * value of another type (a null {@code Data} or {@code PartitionKey} included), no or too many records,
 * or a record {@link RecordWriter#isValid} refuses makes it answer null, and the body is then decoded
 * into a tree and validated by {@link RecordOperations#putRecords(com.fasterxml.jackson.databind.node.ObjectNode,
 * io.github.kinesisfanout.local.edge.RequestContext)}, whose errors and messages are the answer.
 */
final class PutRecordsReader {

    private PutRecordsReader() {
    }

    /** The input of a body the fast path takes, else null. */
    static PutRecordsInput read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String streamName = null;
        String streamArn = null;
        boolean nameSeen = false;
        boolean arnSeen = false;
        List<PutRecordsEntry> records = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                return null;
            }
            String member = p.currentName();
            JsonToken value = p.nextToken();
            // equals, not a switch, which would hash each name: the parser need not hand out canonical strings.
            if (member.equals("Records")) {
                if (records != null || (records = records(p, value)) == null) {
                    return null;
                }
            } else if (member.equals("StreamName")) {
                if (nameSeen || !isOptionalString(value)) {
                    return null;
                }
                nameSeen = true;
                streamName = value == JsonToken.VALUE_NULL ? null : p.getText();
            } else if (member.equals("StreamARN")) {
                if (arnSeen || !isOptionalString(value)) {
                    return null;
                }
                arnSeen = true;
                streamArn = value == JsonToken.VALUE_NULL ? null : p.getText();
            } else {
                return null;
            }
        }
        return records == null ? null : new PutRecordsInput(streamName, streamArn, records);
    }

    /** The records of a {@code Records} value, or null when the fast path does not take them. */
    private static List<PutRecordsEntry> records(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            return null;
        }
        List<PutRecordsEntry> records = new ArrayList<>(RecordOperations.MAX_PUT_RECORDS);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            PutRecordsEntry entry = t == JsonToken.START_OBJECT ? entry(p) : null;
            if (entry == null || records.size() == RecordOperations.MAX_PUT_RECORDS || !RecordWriter.isValid(entry)) {
                return null;
            }
            records.add(entry);
        }
        return records.isEmpty() ? null : records;
    }

    /** One record, the parser on its START_OBJECT; null when the fast path does not take it. */
    private static PutRecordsEntry entry(JsonParser p) throws IOException {
        String partitionKey = null;
        byte[] data = null;
        String explicitHashKey = null;
        boolean hashKeySeen = false;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                return null;
            }
            String member = p.currentName();
            JsonToken value = p.nextToken();
            if (member.equals("Data")) {
                if (data != null || (data = blob(p, value)) == null) {
                    return null;
                }
            } else if (member.equals("PartitionKey")) {
                if (partitionKey != null || value != JsonToken.VALUE_STRING) {
                    return null;
                }
                partitionKey = p.getText();
            } else if (member.equals("ExplicitHashKey")) {
                if (hashKeySeen || !isOptionalString(value)) {
                    return null;
                }
                hashKeySeen = true;
                explicitHashKey = value == JsonToken.VALUE_NULL ? null : p.getText();
            } else {
                return null;
            }
        }
        return partitionKey == null || data == null ? null : new PutRecordsEntry(partitionKey, data, explicitHashKey);
    }

    /**
     * A blob: CBOR's byte string as the parser reads it, or a base64 text decoded as the tree's text node
     * decodes it; null for any other value or a text that is not base64.
     */
    private static byte[] blob(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_EMBEDDED_OBJECT) {
            return p.getBinaryValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            try {
                return TextNode.valueOf(p.getText()).binaryValue();
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isOptionalString(JsonToken value) {
        return value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL;
    }

    /** PutRecords as a streamed operation over the given operations. */
    static StreamedOperation<PutRecordsInput> operation(RecordOperations operations) {
        return new StreamedOperation<>() {
            @Override
            public PutRecordsInput read(JsonParser body) throws IOException {
                return PutRecordsReader.read(body);
            }

            @Override
            public com.fasterxml.jackson.databind.JsonNode invoke(PutRecordsInput input,
                    io.github.kinesisfanout.local.edge.RequestContext context) {
                return operations.putRecords(input, context);
            }
        };
    }
}

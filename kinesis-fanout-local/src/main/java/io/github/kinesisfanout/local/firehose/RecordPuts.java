package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * PutRecord and PutRecordBatch into a DirectPut delivery stream: AWS's limits and record ids; the
 * records taken go to the delivery stream's sink (its buffer and its subscribers).
 */
final class RecordPuts {

    private static final int MAX_RECORD_BYTES = 1000 * 1024;
    private static final int MAX_BATCH_RECORDS = 500;
    private static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

    private RecordPuts() {
    }

    /** PutRecord: one record. */
    static JsonNode putRecord(Consumer<List<byte[]>> sink, ObjectNode input) {
        byte[] data = data(input.path("Record"), "record.data");
        sink.accept(List.of(data));
        return JsonNodeFactory.instance.objectNode().put("RecordId", recordId()).put("Encrypted", false);
    }

    /** PutRecordBatch: 1 to 500 records, 4 MiB in all, every one taken or none (the request is refused). */
    static JsonNode putRecordBatch(Consumer<List<byte[]>> sink, ObjectNode input) {
        JsonNode records = input.path("Records");
        if (!records.isArray() || records.isEmpty() || records.size() > MAX_BATCH_RECORDS) {
            throw ValidationErrors.unshown(FirehoseErrors.INVALID_ARGUMENT, "records", "Member must have length less"
                    + " than or equal to " + MAX_BATCH_RECORDS + " and greater than or equal to 1");
        }
        byte[][] all = new byte[records.size()][];
        long total = 0;
        for (int i = 0; i < records.size(); i++) {
            all[i] = data(records.get(i), "records." + (i + 1) + ".member.data");
            total += all[i].length;
        }
        if (total > MAX_BATCH_BYTES) {
            throw FirehoseErrors.INVALID_ARGUMENT.error("Records size exceeds 4 MB limit");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("FailedPutCount", 0).put("Encrypted", false);
        ArrayNode responses = out.putArray("RequestResponses");
        sink.accept(Arrays.asList(all));
        for (int i = 0; i < all.length; i++) {
            responses.addObject().put("RecordId", recordId());
        }
        return out;
    }

    private static byte[] data(JsonNode record, String path) {
        JsonNode node = record.get("Data");
        byte[] bytes;
        try {
            bytes = node == null || node.isNull() ? null : node.binaryValue();
        } catch (IOException | IllegalArgumentException e) {
            throw FirehoseErrors.SERIALIZATION.error("Member Data must be base64-encoded binary data");
        }
        if (bytes == null) {
            throw ValidationErrors.missing(FirehoseErrors.INVALID_ARGUMENT, path);
        }
        if (bytes.length > MAX_RECORD_BYTES) {
            throw ValidationErrors.unshown(FirehoseErrors.INVALID_ARGUMENT, path,
                    "Member must have length less than or equal to " + MAX_RECORD_BYTES);
        }
        return bytes;
    }

    private static String recordId() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }
}

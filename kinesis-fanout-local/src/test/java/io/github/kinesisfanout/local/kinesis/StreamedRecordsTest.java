package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.EdgeRequest;
import io.github.kinesisfanout.local.edge.EdgeResponse;
import io.github.kinesisfanout.local.edge.JsonWireProtocol;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.Timestamps;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The streamed Records members of GetRecords and PutRecords answers render byte for byte as the same
 * members built as a tree do, in CBOR and in JSON 1.1.
 */
class StreamedRecordsTest {

    private static final long CREATED = 1_795_000_000_123L;
    /** Shard 2 created at CREATED: 4, 01795000000123, 0000000002, then the counter in 31 digits. */
    private static final String PREFIX = "4" + "01795000000123" + "0000000002";

    private final Shard shard = new Shard(2, BigInteger.ZERO, HashKeys.MAX, null, null, CREATED, new ShardLog());
    private final List<StoredRecord> stored = List.of(
            new StoredRecord(1, new byte[] {0, 1, 2, (byte) 0xff}, "alice", 1_795_000_001_000L),
            new StoredRecord(12_345, "héllo".getBytes(StandardCharsets.UTF_8), "bøb ✓", 1_795_000_001_001L),
            new StoredRecord(12_346, new byte[0], "k", 1_795_000_001_999L));

    @Test
    void getRecordsRecordsRenderAsTheirTree() {
        ArrayNode expected = JsonNodeFactory.instance.arrayNode();
        record(expected, PREFIX + "0".repeat(30) + "1", 1_795_000_001_000L, new byte[] {0, 1, 2, (byte) 0xff}, "alice");
        record(expected, PREFIX + "0".repeat(26) + "12345", 1_795_000_001_001L,
                "héllo".getBytes(StandardCharsets.UTF_8), "bøb ✓");
        record(expected, PREFIX + "0".repeat(26) + "12346", 1_795_000_001_999L, new byte[0], "k");
        assertSameAnswer(() -> answer(expected), () -> answer(StreamedRecords.records(shard, stored)));
        // JSON 1.1 timestamps: epoch seconds with the milliseconds; blobs in base64 (AAEC/w== is 00 01 02 ff).
        String json = new String(render(answer(StreamedRecords.records(shard, stored)), "application/x-amz-json-1.1"),
                StandardCharsets.UTF_8);
        assertTrue(json.contains("{\"SequenceNumber\":\"" + PREFIX + "0".repeat(30) + "1\","
                + "\"ApproximateArrivalTimestamp\":1795000001.000,\"Data\":\"AAEC/w==\",\"PartitionKey\":\"alice\"}"),
                json);
        assertSameAnswer(() -> answer(JsonNodeFactory.instance.arrayNode()),
                () -> answer(StreamedRecords.records(shard, List.of())));
    }

    @Test
    void putRecordsResultsRenderAsTheirTree() {
        // Written: counter 7 of shard 2; then a throttled and a failed entry.
        WrittenRecords results = new WrittenRecords(new Shard[] {shard, shard, null}, new long[] {7, 0, 0},
                new String[] {null, "ProvisionedThroughputExceededException", "InternalFailure"},
                new String[] {null, "Rate exceeded for shard", "Internal service failure."});
        ArrayNode expected = JsonNodeFactory.instance.arrayNode();
        expected.addObject().put("SequenceNumber", PREFIX + "0".repeat(30) + "7").put("ShardId", "shardId-000000000002");
        expected.addObject().put("ErrorCode", "ProvisionedThroughputExceededException")
                .put("ErrorMessage", "Rate exceeded for shard");
        expected.addObject().put("ErrorCode", "InternalFailure").put("ErrorMessage", "Internal service failure.");
        assertSameAnswer(() -> answer(expected), () -> answer(StreamedRecords.putResults(results)));
    }

    private static void record(ArrayNode records, String sequenceNumber, long arrival, byte[] data, String key) {
        ObjectNode record = records.addObject();
        record.put("SequenceNumber", sequenceNumber);
        record.set("ApproximateArrivalTimestamp", Timestamps.node(Instant.ofEpochMilli(arrival)));
        record.put("Data", data);
        record.put("PartitionKey", key);
    }

    /** An answer with the records between two other members, as GetRecords and PutRecords have them. */
    private static ObjectNode answer(JsonNode records) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("FailedRecordCount", 1);
        out.set("Records", records);
        out.put("MillisBehindLatest", 0);
        return out;
    }

    private static void assertSameAnswer(Supplier<JsonNode> tree, Supplier<JsonNode> streamed) {
        for (String type : new String[] {JsonWireProtocol.CBOR_CONTENT_TYPE, "application/x-amz-json-1.1"}) {
            byte[] expected = render(tree.get(), type);
            byte[] actual = render(streamed.get(), type);
            assertArrayEquals(expected, actual, type);
        }
    }

    private static byte[] render(JsonNode output, String contentType) {
        AwsService service = new AwsService() {
            @Override
            public String signingName() {
                return "kinesis";
            }

            @Override
            public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
                return output;
            }
        };
        EdgeRequest request = new EdgeRequest("POST", "/", Map.of(),
                Map.of("content-type", contentType, "x-amz-target", "Kinesis_20131202.GetRecords"), new byte[0]);
        EdgeResponse response = new JsonWireProtocol().handle(request, service,
                new RequestContext("r", "000000000000", "us-east-1"));
        assertEquals(200, response.status(), () -> new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }
}

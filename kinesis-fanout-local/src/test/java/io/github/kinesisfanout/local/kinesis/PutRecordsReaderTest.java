package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.EdgeRequest;
import io.github.kinesisfanout.local.edge.EdgeResponse;
import io.github.kinesisfanout.local.edge.JsonWireProtocol;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PutRecords bodies in CBOR, as the SDK's marshaller writes them (Jackson's CBOR generator, byte strings
 * for Data), read by the streaming reader and answered through the CBOR codec: a body the reader takes
 * is stored exactly; one it leaves to the tree path gets the tree path's answer.
 */
class PutRecordsReaderTest {

    private static final CBORFactory CBOR = new CBORFactory();
    private static final ObjectMapper CBOR_TREES = new ObjectMapper(CBOR);
    private static final RequestContext CTX = new RequestContext("rid-1", "000000000000", "us-east-1");
    /** 2^128 - 1, the top of the hash key space: shard 1 of 2 owns it. */
    private static final String MAX_HASH_KEY = "340282366920938463463374607431768211455";

    private final KinesisService kinesis = new KinesisService(ServiceContext.inMemory(Clock.systemUTC()));

    PutRecordsReaderTest() {
        kinesis.invoke("CreateStream", KinesisJson.object().put("StreamName", "s").put("ShardCount", 2), CTX);
    }

    @AfterEach
    void close() {
        kinesis.close();
    }

    private interface Body {
        void write(CBORGenerator out) throws IOException;
    }

    private static byte[] cbor(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator out = CBOR.createGenerator(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A body {"StreamName": "s", "Records": [records...]}. */
    private static byte[] putRecords(Body records) {
        return cbor(out -> {
            out.writeStartObject();
            out.writeStringField("StreamName", "s");
            out.writeFieldName("Records");
            out.writeStartArray();
            records.write(out);
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    private static void record(CBORGenerator out, byte[] data, String partitionKey, String explicitHashKey)
            throws IOException {
        out.writeStartObject();
        out.writeFieldName("Data");
        out.writeBinary(data);
        out.writeStringField("PartitionKey", partitionKey);
        if (explicitHashKey != null) {
            out.writeStringField("ExplicitHashKey", explicitHashKey);
        }
        out.writeEndObject();
    }

    private static PutRecordsInput read(byte[] body) throws IOException {
        try (JsonParser parser = CBOR.createParser(body)) {
            return PutRecordsReader.read(parser);
        }
    }

    private EdgeResponse send(byte[] body) {
        return new JsonWireProtocol().handle(new EdgeRequest("POST", "/", Map.of(), Map.of(
                "content-type", JsonWireProtocol.CBOR_CONTENT_TYPE, "x-amz-target", "Kinesis_20131202.PutRecords"),
                body), kinesis, CTX);
    }

    private static JsonNode tree(EdgeResponse answer) throws IOException {
        return CBOR_TREES.readTree(answer.body());
    }

    private void assertError(byte[] body, String code, String message) throws IOException {
        EdgeResponse answer = send(body);
        assertEquals(400, answer.status());
        assertEquals(code, answer.headers().get("X-Amzn-ErrorType"));
        assertEquals(message, tree(answer).path("message").asText());
        assertEquals(0, stored("shardId-000000000000").size() + stored("shardId-000000000001").size(),
                "nothing is written");
    }

    private void assertMalformed(byte[] body) throws IOException {
        EdgeResponse answer = send(body);
        assertEquals(400, answer.status());
        assertEquals("SerializationException", answer.headers().get("X-Amzn-ErrorType"));
        assertTrue(tree(answer).path("message").asText().startsWith("Malformed request body: "), tree(answer).toString());
    }

    private List<KinesisRecord> stored(String shardId) {
        return kinesis.getRecords(CTX, "s", shardId, StartingPosition.trimHorizon(), 10_000).records();
    }

    @Test
    void emptyAndOneMebibyteDataAreReadAndStoredByteForByte() throws IOException {
        // Data plus partition key may reach 1 MiB: 1,048,575 bytes and the 1-character key "k".
        byte[] big = new byte[1024 * 1024 - 1];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        byte[] body = putRecords(out -> {
            record(out, new byte[0], "a", null);
            record(out, big, "k", MAX_HASH_KEY);
        });
        PutRecordsInput input = read(body);
        assertNotNull(input, "the streaming reader takes the body");
        assertEquals("s", input.streamName());
        assertNull(input.streamArn());
        assertEquals(2, input.records().size());
        assertArrayEquals(new byte[0], input.records().get(0).data());
        assertEquals("a", input.records().get(0).partitionKey());
        assertNull(input.records().get(0).explicitHashKey());
        assertArrayEquals(big, input.records().get(1).data());
        assertEquals(MAX_HASH_KEY, input.records().get(1).explicitHashKey());

        EdgeResponse answer = send(body);
        assertEquals(200, answer.status());
        JsonNode out = tree(answer);
        assertEquals(0, out.path("FailedRecordCount").asInt());
        // MD5("a") = 0cc175b9...: below 2^127, shard 0; the explicit hash key 2^128 - 1 is shard 1's.
        assertEquals("shardId-000000000000", out.path("Records").path(0).path("ShardId").asText());
        assertEquals("shardId-000000000001", out.path("Records").path(1).path("ShardId").asText());
        List<KinesisRecord> shard0 = stored("shardId-000000000000");
        List<KinesisRecord> shard1 = stored("shardId-000000000001");
        assertEquals(1, shard0.size());
        assertArrayEquals(new byte[0], shard0.get(0).data());
        assertEquals(1, shard1.size());
        assertArrayEquals(big, shard1.get(0).data());
        assertEquals("k", shard1.get(0).partitionKey());
    }

    @Test
    void explicitHashKeyOverridesThePartitionKeysHash() throws IOException {
        // MD5("b") = 92eb5ffe...: at or above 2^127, shard 1; the explicit hash key 0 sends it to shard 0.
        byte[] body = putRecords(out -> {
            record(out, new byte[] {1}, "b", null);
            record(out, new byte[] {2}, "b", "0");
        });
        assertEquals("0", read(body).records().get(1).explicitHashKey());
        JsonNode out = tree(send(body));
        assertEquals("shardId-000000000001", out.path("Records").path(0).path("ShardId").asText());
        assertEquals("shardId-000000000000", out.path("Records").path(1).path("ShardId").asText());
    }

    @Test
    void partitionKeysRouteByTheMd5OfTheirUtf8Bytes() throws Exception {
        List<String> keys = List.of("a", "b", "\u00fc\u2713", "x".repeat(256), "\u00e9" + "x".repeat(255), "\ud83d\ude00");
        byte[] body = putRecords(out -> {
            for (String key : keys) {
                record(out, new byte[] {1}, key, null);
            }
        });
        JsonNode out = tree(send(body));
        for (int i = 0; i < keys.size(); i++) {
            // Shard 1 of 2 owns [2^127, 2^128 - 1]: the hash's top bit picks the shard.
            byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(keys.get(i).getBytes(StandardCharsets.UTF_8));
            String expected = "shardId-00000000000" + ((md5[0] & 0x80) == 0 ? "0" : "1");
            assertEquals(expected, out.path("Records").path(i).path("ShardId").asText(), keys.get(i));
        }
    }

    @Test
    void aRecordOverOneMebibyteIsLeftToTheTreePathAndRefusedAsBefore() throws IOException {
        byte[] body = putRecords(out -> record(out, new byte[1024 * 1024], "k", null));
        assertNull(read(body));
        assertError(body, "InvalidArgumentException",
                "Record size (data plus partition key) exceeds the 1 MiB limit: 1048577 bytes");
    }

    @Test
    void unknownMembersAreIgnoredAsTheTreePathIgnoresThem() throws IOException {
        byte[] body = cbor(out -> {
            out.writeStartObject();
            out.writeNumberField("Unknown", 7);
            out.writeStringField("StreamName", "s");
            out.writeFieldName("Records");
            out.writeStartArray();
            out.writeStartObject();
            out.writeFieldName("Data");
            out.writeBinary(new byte[] {9, 8});
            out.writeStringField("PartitionKey", "a");
            out.writeStringField("Extra", "x");
            out.writeEndObject();
            out.writeEndArray();
            out.writeEndObject();
        });
        assertNull(read(body), "an unknown member takes the tree path");
        EdgeResponse answer = send(body);
        assertEquals(200, answer.status());
        assertEquals(1, tree(answer).path("Records").size());
        assertArrayEquals(new byte[] {9, 8}, stored("shardId-000000000000").get(0).data());
    }

    @Test
    void wrongTypesGetTheTreePathsSerializationErrors() throws IOException {
        byte[] dataAsNumber = putRecords(out -> {
            out.writeStartObject();
            out.writeNumberField("Data", 5);
            out.writeStringField("PartitionKey", "a");
            out.writeEndObject();
        });
        assertNull(read(dataAsNumber));
        assertError(dataAsNumber, "SerializationException", "Member Data must be base64-encoded binary data");

        byte[] keyAsNumber = putRecords(out -> {
            out.writeStartObject();
            out.writeFieldName("Data");
            out.writeBinary(new byte[] {1});
            out.writeNumberField("PartitionKey", 5);
            out.writeEndObject();
        });
        assertNull(read(keyAsNumber));
        assertError(keyAsNumber, "SerializationException", "Member PartitionKey must be a string");

        byte[] recordAsString = putRecords(out -> out.writeString("r"));
        assertNull(read(recordAsString));
        assertError(recordAsString, "SerializationException", "Records must be structures");

        byte[] recordsAsMap = cbor(out -> {
            out.writeStartObject();
            out.writeStringField("StreamName", "s");
            out.writeFieldName("Records");
            out.writeStartObject();
            out.writeEndObject();
            out.writeEndObject();
        });
        assertNull(read(recordsAsMap));
        assertError(recordsAsMap, "SerializationException", "Member Records must be a list");

        byte[] nameAsNumber = cbor(out -> {
            out.writeStartObject();
            out.writeNumberField("StreamName", 1);
            out.writeFieldName("Records");
            out.writeStartArray();
            record(out, new byte[] {1}, "a", null);
            out.writeEndArray();
            out.writeEndObject();
        });
        assertNull(read(nameAsNumber));
        assertError(nameAsNumber, "SerializationException", "Member StreamName must be a string");
    }

    @Test
    void constraintFailuresGetTheTreePathsValidationMessages() throws IOException {
        byte[] missingData = putRecords(out -> {
            out.writeStartObject();
            out.writeStringField("PartitionKey", "a");
            out.writeEndObject();
        });
        assertNull(read(missingData));
        assertError(missingData, "ValidationException", "1 validation error detected: Value null at "
                + "'records.1.member.data' failed to satisfy constraint: Member must not be null");

        byte[] badHashKey = putRecords(out -> {
            record(out, new byte[] {1}, "a", null);
            record(out, new byte[] {1}, "a", "-1");
        });
        assertNull(read(badHashKey));
        assertError(badHashKey, "ValidationException", "1 validation error detected: Value '-1' at "
                + "'records.2.member.explicitHashKey' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: 0|([1-9]\\d{0,38})");

        byte[] noRecords = putRecords(out -> { });
        assertNull(read(noRecords));
        assertError(noRecords, "ValidationException", "1 validation error detected: Value '[]' at 'records' "
                + "failed to satisfy constraint: Member must have length greater than or equal to 1");

        byte[] tooMany = putRecords(out -> {
            for (int i = 0; i < 501; i++) {
                record(out, new byte[] {1}, "a", null);
            }
        });
        assertNull(read(tooMany));
        assertError(tooMany, "ValidationException", "1 validation error detected: Value '[501 records]' at "
                + "'records' failed to satisfy constraint: Member must have length less than or equal to 500");

        // Five records of 1 MiB - 1 byte plus a 1-character key: each within 1 MiB, 5 MiB in all, then one more byte.
        byte[] fiveMebibytes = putRecords(out -> {
            for (int i = 0; i < 5; i++) {
                record(out, new byte[1024 * 1024 - 1], "k", null);
            }
            record(out, new byte[0], "a", null);
        });
        assertNotNull(read(fiveMebibytes), "each record is valid; the total is checked after reading");
        assertError(fiveMebibytes, "InvalidArgumentException", "Records size exceeds 5 MB limit");
    }

    @Test
    void aBodyThatIsNotCborIsASerializationException() throws IOException {
        // JSON text sent as CBOR: 0x7b ('{') opens a 27-byte text string, and the body ends first. Not a
        // structure to the reader; the tree path finds the text cut short.
        byte[] json = "{\"StreamName\":\"s\"}".getBytes(StandardCharsets.UTF_8);
        assertNull(read(json));
        assertMalformed(json);

        // A body cut short inside its Data: the reader meets the end of input.
        byte[] whole = putRecords(out -> record(out, new byte[100], "a", null));
        byte[] cut = Arrays.copyOf(whole, 40);
        assertThrows(IOException.class, () -> read(cut));
        assertMalformed(cut);

        // A CBOR array (0x80, empty) is CBOR, but not a structure.
        assertNull(read(new byte[] {(byte) 0x80}));
        assertError(new byte[] {(byte) 0x80}, "SerializationException",
                "Expected a structure as the request body, found ARRAY");

        // A valid body followed by another value (0x00, the integer 0).
        byte[] valid = putRecords(out -> record(out, new byte[] {1}, "a", null));
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        assertNotNull(read(trailing), "the reader stops at the structure's end; the codec checks what follows");
        assertError(trailing, "SerializationException", "Unexpected content after the request body's structure");
    }
}

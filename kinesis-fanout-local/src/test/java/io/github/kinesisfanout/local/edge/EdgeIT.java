package io.github.kinesisfanout.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.github.kinesisfanout.local.LocalCloud;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP edge seen from raw HTTP: routing, request ids, body cap, codec errors, CBOR and JSON encodings. */
class EdgeIT {

    private static final String JSON = "application/x-amz-json-1.1";
    private static final String CBOR = "application/x-amz-cbor-1.1";
    private final ObjectMapper json = new ObjectMapper();
    private final CBORFactory cbor = new CBORFactory();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalCloud cloud;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().maxRequestBodyBytes(4096).build().start();
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private HttpResponse<byte[]> post(URI endpoint, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> kinesis(String operation, String contentType, byte[] body) throws Exception {
        return post(cloud.endpoint(), Map.of("X-Amz-Target", "Kinesis_20131202." + operation,
                "Content-Type", contentType), body);
    }

    private HttpResponse<byte[]> kinesisJson(String operation, String body) throws Exception {
        return kinesis(operation, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode jsonBody(HttpResponse<byte[]> response) throws IOException {
        return json.readTree(response.body());
    }

    @Test
    void routesByTargetAndAddsRequestIds() throws Exception {
        HttpResponse<byte[]> created = kinesisJson("CreateStream", "{\"StreamName\":\"s\",\"ShardCount\":1}");
        assertEquals(200, created.statusCode());
        assertEquals(JSON, created.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> listed = kinesis("ListStreams", JSON, new byte[0]);
        assertEquals("s", jsonBody(listed).get("StreamNames").get(0).asText());
        HttpResponse<byte[]> json10 = kinesis("ListStreams", "application/x-amz-json-1.0", new byte[0]);
        assertEquals("application/x-amz-json-1.0", json10.headers().firstValue("Content-Type").orElseThrow());
        String id1 = created.headers().firstValue("x-amzn-RequestId").orElseThrow();
        String id2 = listed.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertNotEquals(id1, id2);
    }

    @Test
    void regionComesFromTheCredentialScope() throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("X-Amz-Target", "Kinesis_20131202.CreateStream");
        headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/kinesis/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc");
        assertEquals(200, post(cloud.endpoint(), headers, "{\"StreamName\":\"e\",\"ShardCount\":1}"
                .getBytes(StandardCharsets.UTF_8)).statusCode());
        headers.put("X-Amz-Target", "Kinesis_20131202.DescribeStreamSummary");
        HttpResponse<byte[]> described = post(cloud.endpoint(), headers, "{\"StreamName\":\"e\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("arn:aws:kinesis:eu-west-1:000000000000:stream/e",
                jsonBody(described).get("StreamDescriptionSummary").get("StreamARN").asText());
        // Not in the default region.
        assertEquals(400, kinesisJson("DescribeStreamSummary", "{\"StreamName\":\"e\"}").statusCode());
        // A presigned-style X-Amz-Credential routes and scopes the same way.
        URI presigned = URI.create(cloud.endpoint() + "/?X-Amz-Credential=AKID%2F20260101%2Feu-west-1%2Fkinesis%2Faws4_request");
        HttpResponse<byte[]> viaQuery = post(presigned, Map.of("Content-Type", JSON, "X-Amz-Target",
                "Kinesis_20131202.ListStreams"), new byte[0]);
        assertEquals("e", jsonBody(viaQuery).get("StreamNames").get(0).asText());
    }

    @Test
    void unknownServiceIsAClearError() throws Exception {
        HttpResponse<byte[]> response = post(cloud.endpoint(), Map.of("Authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=x"),
                new byte[0]);
        assertEquals(400, response.statusCode());
        assertEquals("UnknownServiceException", jsonBody(response).get("__type").asText());
        assertTrue(jsonBody(response).get("message").asText().contains("'sqs'"));
        assertNotNull(response.headers().firstValue("x-amzn-RequestId").orElse(null));
        // With S3 registered, a request with neither credential scope nor X-Amz-Target falls back to S3
        // path style, which names what it cannot do.
        HttpResponse<byte[]> unrouted = post(cloud.endpoint(), Map.of(), new byte[0]);
        assertEquals(400, unrouted.statusCode());
        assertTrue(new String(unrouted.body(), StandardCharsets.UTF_8).contains("S3.POST / is not supported"));
    }

    @Test
    void malformedBodiesAndUnknownOperations() throws Exception {
        HttpResponse<byte[]> badJson = kinesisJson("ListStreams", "{\"Limit\":");
        assertEquals(400, badJson.statusCode());
        assertEquals("SerializationException", jsonBody(badJson).get("__type").asText());
        assertEquals("SerializationException", badJson.headers().firstValue("X-Amzn-ErrorType").orElseThrow());
        assertEquals("SerializationException", jsonBody(kinesisJson("ListStreams", "[1]")).get("__type").asText());

        HttpResponse<byte[]> badCbor = kinesis("ListStreams", CBOR, new byte[] {(byte) 0xbf, 0x61});
        assertEquals(400, badCbor.statusCode());
        assertEquals(CBOR, badCbor.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("SerializationException", new ObjectMapper(cbor).readTree(badCbor.body()).get("__type").asText());

        HttpResponse<byte[]> unknown = kinesisJson("Frobnicate", "{}");
        assertEquals(400, unknown.statusCode());
        assertEquals("UnknownOperationException", jsonBody(unknown).get("__type").asText());
        assertEquals("Kinesis.Frobnicate is not supported", jsonBody(unknown).get("message").asText());
    }

    @Test
    void bodiesOverTheCapAreRefusedAndTheServerGoesOn() throws Exception {
        byte[] big = ("{\"StreamName\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> refused = kinesis("CreateStream", JSON, big);
        assertEquals(413, refused.statusCode());
        assertEquals("RequestEntityTooLargeException", jsonBody(refused).get("__type").asText());
        assertTrue(jsonBody(refused).get("message").asText().contains("4096 bytes"));
        assertNotNull(refused.headers().firstValue("x-amzn-RequestId").orElse(null));
        assertEquals(200, kinesisJson("ListStreams", "{}").statusCode());
    }

    @Test
    void cborTimestampsAreTaggedEpochMillisAndBlobsByteStrings() throws Exception {
        long before = System.currentTimeMillis();
        kinesisJson("CreateStream", "{\"StreamName\":\"c\",\"ShardCount\":1}");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        try (CBORGenerator out = cbor.createGenerator(request)) {
            out.writeStartObject();
            out.writeStringField("StreamName", "c");
            out.writeStringField("PartitionKey", "k");
            out.writeFieldName("Data");
            out.writeBinary(new byte[] {1, 2, 3});
            out.writeEndObject();
        }
        assertEquals(200, kinesis("PutRecord", CBOR, request.toByteArray()).statusCode());

        byte[] summary = kinesis("DescribeStreamSummary", CBOR, cborObject("StreamName", "c")).body();
        try (CBORParser parser = cbor.createParser(summary)) {
            assertTrue(seek(parser, "StreamCreationTimestamp"));
            assertEquals(JsonToken.VALUE_NUMBER_INT, parser.nextToken());
            assertEquals(1, parser.getCurrentTag());
            long millis = parser.getLongValue();
            assertTrue(millis >= before - 1000 && millis <= System.currentTimeMillis() + 1000, Long.toString(millis));
        }
        JsonNode jsonSummary = jsonBody(kinesisJson("DescribeStreamSummary", "{\"StreamName\":\"c\"}"));
        JsonNode seconds = jsonSummary.get("StreamDescriptionSummary").get("StreamCreationTimestamp");
        assertTrue(seconds.isNumber());
        assertTrue(Math.abs(seconds.doubleValue() * 1000 - before) < 5000, seconds.toString());

        String iterator = new ObjectMapper(cbor).readTree(kinesis("GetShardIterator", CBOR, cborObject("StreamName",
                "c", "ShardId", "shardId-000000000000", "ShardIteratorType", "TRIM_HORIZON")).body())
                .get("ShardIterator").asText();
        byte[] records = kinesis("GetRecords", CBOR, cborObject("ShardIterator", iterator)).body();
        try (CBORParser parser = cbor.createParser(records)) {
            assertTrue(seek(parser, "ApproximateArrivalTimestamp"));
            assertEquals(JsonToken.VALUE_NUMBER_INT, parser.nextToken());
            assertEquals(1, parser.getCurrentTag());
        }
        try (CBORParser parser = cbor.createParser(records)) {
            assertTrue(seek(parser, "Data"));
            assertEquals(JsonToken.VALUE_EMBEDDED_OBJECT, parser.nextToken());
            assertEquals(3, parser.getBinaryValue().length);
        }
        JsonNode jsonRecords = jsonBody(kinesisJson("GetRecords", "{\"ShardIterator\":\"" + iterator + "\"}"));
        assertEquals("AQID", jsonRecords.get("Records").get(0).get("Data").asText());
        assertTrue(jsonRecords.get("Records").get(0).get("ApproximateArrivalTimestamp").isNumber());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        kinesisJson("CreateStream", "{\"StreamName\":\"pipe\",\"ShardCount\":1}");
        StringBuilder requests = new StringBuilder();
        for (String body : new String[] {"{\"StreamName\":\"pipe\"}", "{\"StreamName\":\"none\"}",
                "{\"StreamName\":\"pipe\"}"}) {
            requests.append("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: Kinesis_20131202.DescribeStreamSummary"
                    + "\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body);
        }
        try (java.net.Socket socket = new java.net.Socket(cloud.endpoint().getHost(), cloud.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            assertEquals(200, readStatusAndSkipBody(in));
            assertEquals(400, readStatusAndSkipBody(in));
            assertEquals(200, readStatusAndSkipBody(in));
        }
    }

    /** Reads one HTTP/1.1 response with a Content-Length body; returns its status. */
    private static int readStatusAndSkipBody(java.io.DataInputStream in) throws IOException {
        String status = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).trim());
            }
        }
        in.readFully(new byte[length]);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(java.io.DataInputStream in) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private byte[] cborObject(String... members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator out = cbor.createGenerator(bytes)) {
            out.writeStartObject();
            for (int i = 0; i < members.length; i += 2) {
                out.writeStringField(members[i], members[i + 1]);
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static boolean seek(JsonParser parser, String field) throws IOException {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.FIELD_NAME && parser.currentName().equals(field)) {
                return true;
            }
        }
        return false;
    }
}

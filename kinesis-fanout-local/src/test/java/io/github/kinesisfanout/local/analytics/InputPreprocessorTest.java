package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invocation size, retries and their bound, and a stop during the back-off, with a scripted function. */
class InputPreprocessorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:pre";

    private final List<JsonNode> events = new ArrayList<>();
    private final List<Long> pauses = new ArrayList<>();

    @Test
    void aReadLargerThanOneInvocationIsSentInSeveralKeepingItsOrder() throws InterruptedException {
        // 6 records of 1 MiB: base64 makes each about 1.33 MiB, so 3 fit under 5 MiB and 4 do not.
        List<KinesisRecord> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(record(i, "x".repeat(1024 * 1024)));
        }
        InputPreprocessor.Preprocessed settled = preprocessor(this::allOk).process("shardId-0", records, this::pause);
        assertEquals(List.of(3, 3), events.stream().map(e -> e.get("records").size()).toList());
        assertEquals(records.stream().map(KinesisRecord::sequenceNumber).toList(),
                settled.records().stream().map(KinesisRecord::sequenceNumber).toList());
    }

    @Test
    void afterTheLastAttemptEveryRecordOfTheInvocationIsRejectedWithTheLastFailure() throws InterruptedException {
        InputPreprocessor.Preprocessed settled = preprocessor((arn, payload) -> {
            events.add(read(payload));
            throw new AwsServiceException("ServiceException", "Function " + arn + " failed (Unhandled): boom");
        }).process("shardId-0", List.of(record(1, "{}"), record(2, "{}")), this::pause);
        assertEquals(4, events.size());
        assertEquals(List.of(200L, 400L, 800L), pauses);
        assertEquals(List.of(), settled.records());
        assertEquals(2, settled.rejected().size());
        for (RejectedRecord rejected : settled.rejected()) {
            assertEquals("Lambda_Preprocessing_Error", rejected.errorName());
            assertEquals("Preprocessing function " + FUNCTION + " failed 4 times for the 2 records of this"
                    + " invocation; last failure: ServiceException: Function " + FUNCTION + " failed (Unhandled): boom",
                    rejected.message());
        }
    }

    @Test
    void aSecondAttemptThatSucceedsSettlesTheRecordsByItsAnswers() throws InterruptedException {
        InputPreprocessor.Preprocessed settled = preprocessor((arn, payload) -> {
            if (events.isEmpty()) {
                events.add(read(payload));
                return "{\"records\":[]}".getBytes(StandardCharsets.UTF_8);
            }
            return allOk(arn, payload);
        }).process("shardId-0", List.of(record(1, "{\"A\":1}{\"A\":2}")), this::pause);
        assertEquals(List.of(200L), pauses);
        // JSON input: the two documents of the one Ok record become two records with its metadata.
        assertEquals(List.of("{\"A\":1}", "{\"A\":2}"), settled.records().stream()
                .map(r -> new String(r.data(), StandardCharsets.UTF_8)).toList());
        assertEquals(List.of(sequence(1), sequence(1)), settled.records().stream().map(KinesisRecord::sequenceNumber).toList());
        assertEquals(List.of("key-1", "key-1"), settled.records().stream().map(KinesisRecord::partitionKey).toList());
    }

    @Test
    void aStopDuringTheBackOffLeavesTheRecordsUnsettled() throws InterruptedException {
        InputPreprocessor.Preprocessed settled = preprocessor((arn, payload) -> {
            throw new AwsServiceException("ServiceException", "down");
        }).process("shardId-0", List.of(record(1, "{}")), millis -> false);
        assertNull(settled);
    }

    @Test
    void theEventCarriesTheKinesisStreamsRequestModel() throws InterruptedException {
        preprocessor(this::allOk).process("shardId-000000000003", List.of(record(7, "hi")), this::pause);
        JsonNode event = events.get(0);
        assertEquals("arn:aws:kinesisanalytics:us-east-1:000000000000:application/app", event.get("applicationArn").asText());
        assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/in", event.get("streamArn").asText());
        assertEquals(36, event.get("invocationId").asText().length());
        JsonNode entry = event.get("records").get(0);
        assertEquals(sequence(7), entry.get("recordId").asText());
        assertEquals("aGk=", entry.get("data").asText());
        JsonNode metadata = entry.get("kinesisStreamRecordMetadata");
        assertEquals(sequence(7), metadata.get("sequenceNumber").asText());
        assertEquals("key-7", metadata.get("partitionKey").asText());
        assertEquals("shardId-000000000003", metadata.get("shardId").asText());
        assertEquals(1_700_000_000_007L, metadata.get("approximateArrivalTimestamp").asLong());
    }

    private InputPreprocessor preprocessor(LambdaInvoker lambda) {
        return new InputPreprocessor(lambda, FUNCTION, "arn:aws:kinesisanalytics:us-east-1:000000000000:application/app",
                "arn:aws:kinesis:us-east-1:000000000000:stream/in", true);
    }

    private boolean pause(long millis) {
        pauses.add(millis);
        return true;
    }

    private byte[] allOk(String arn, byte[] payload) {
        JsonNode event = read(payload);
        events.add(event);
        ObjectNode response = JSON.createObjectNode();
        for (JsonNode entry : event.get("records")) {
            response.withArray("records").addObject().put("recordId", entry.get("recordId").asText())
                    .put("result", "Ok").put("data", entry.get("data").asText());
        }
        try {
            return JSON.writeValueAsBytes(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sequence(int i) {
        return String.format("4957%052d", i);
    }

    private static KinesisRecord record(int i, String data) {
        return new KinesisRecord(sequence(i), Instant.ofEpochMilli(1_700_000_000_000L + i),
                data.getBytes(StandardCharsets.UTF_8), "key-" + i);
    }
}

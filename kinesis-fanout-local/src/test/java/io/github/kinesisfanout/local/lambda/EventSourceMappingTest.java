package io.github.kinesisfanout.local.lambda;

import static io.github.kinesisfanout.local.lambda.LambdaServiceTest.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.access.InMemoryStreamAccess;
import io.github.kinesisfanout.local.logs.LogsService;
import io.github.kinesisfanout.local.s3.S3Service;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kinesis event source mappings over an in-memory stream: delivery, event fields, retries, bisection, partial failures. */
class EventSourceMappingTest {

    private static final String STREAM = "arn:aws:kinesis:eu-west-1:123456789012:stream/orders";
    private final RequestContext context = new RequestContext("req", "123456789012", "eu-west-1");
    private final InMemoryStreamAccess streams = new InMemoryStreamAccess();
    private final ServiceContext cloud = ServiceContext.inMemory(Clock.systemUTC());
    private final LogsService logs = new LogsService(cloud);
    private final LambdaService lambda = new LambdaService(cloud,
            new LambdaSettings(Duration.ofMillis(20), Duration.ofMillis(10)), new S3Service(cloud), logs, streams);

    @BeforeEach
    void createFunction() {
        streams.createStream(STREAM, 1);
        ObjectNode create = LambdaServiceTest.function("consumer", "example.KinesisHandler");
        create.putObject("Code").put("ZipFile", HandlerJars.handlerZip());
        lambda.invoke("CreateFunction", create, context);
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    @Test
    void deliversRecordsInOrderWithEveryEventField() {
        JsonNode mapping = createMapping(object().put("BatchSize", 2).put("StartingPosition", "TRIM_HORIZON"));
        assertEquals("Enabled", mapping.path("State").asText());
        assertEquals(2, mapping.path("BatchSize").asInt());
        for (int i = 0; i < 5; i++) {
            streams.put(STREAM, "key-" + i, "record-" + i);
        }
        List<String> lines = awaitLogs(l -> l.stream().filter(s -> s.startsWith("record ")).count() == 5);
        List<String> records = lines.stream().filter(s -> s.startsWith("record ")).toList();
        for (int i = 0; i < 5; i++) {
            assertTrue(records.get(i).startsWith("record data=record-" + i + " key=key-" + i), records.get(i));
        }
        String first = records.get(0);
        assertTrue(first.contains(" id=shardId-000000000000:1"), first);
        assertTrue(first.contains(" source=aws:kinesis version=1.0 name=aws:kinesis:record arn=" + STREAM), first);
        assertTrue(first.contains(" region=eu-west-1 role=arn:aws:iam::123456789012:role/lambda-role schema=1.0"), first);
        assertTrue(lines.stream().allMatch(l -> !l.startsWith("batch of ") || l.equals("batch of 1") || l.equals("batch of 2")),
                lines.toString());
        assertEquals("OK", get(mapping).path("LastProcessingResult").asText());
    }

    @Test
    void retriesAFailedBatchThenMovesOn() {
        createMapping(object().put("StartingPosition", "TRIM_HORIZON"));
        streams.put(STREAM, "k", "first fail-once");
        streams.put(STREAM, "k", "second");
        List<String> lines = awaitLogs(l -> l.stream().anyMatch(s -> s.startsWith("record data=second")));
        assertTrue(lines.contains("failing on first fail-once"), lines.toString());
        int failure = lines.indexOf("failing on first fail-once");
        int retried = indexOfPrefix(lines, "record data=first fail-once");
        assertTrue(retried > failure, "the failed batch is retried before moving on: " + lines);
    }

    @Test
    void bisectsAFailingBatchAndDiscardsThePoisonRecordAfterItsRetries() {
        createMapping(object().put("StartingPosition", "TRIM_HORIZON").put("BisectBatchOnFunctionError", true)
                .put("MaximumRetryAttempts", 1).put("MaximumBatchingWindowInSeconds", 1).put("BatchSize", 4));
        streams.put(STREAM, "k", "a");
        streams.put(STREAM, "k", "b poison");
        streams.put(STREAM, "k", "c");
        streams.put(STREAM, "k", "d");
        List<String> lines = awaitLogs(l -> l.stream().anyMatch(s -> s.startsWith("record data=d")));
        assertTrue(lines.contains("batch of 4"), lines.toString());
        assertTrue(lines.contains("batch of 2"), "the batch is split in halves: " + lines);
        // At least once: "a" is seen again with each retried half that holds it (4, then 2, then alone).
        assertEquals(3, lines.stream().filter(s -> s.startsWith("record data=a")).count(), lines.toString());
        assertEquals(0, lines.stream().filter(s -> s.startsWith("record data=b")).count(), lines.toString());
        assertEquals(1, lines.stream().filter(s -> s.startsWith("record data=c")).count(), lines.toString());
        assertTrue(lines.stream().filter(s -> s.equals("failing on b poison")).count() >= 2,
                "the poison record is retried once alone before being discarded: " + lines);
    }

    @Test
    void resumesFromTheFirstReportedItemFailure() {
        createMapping(object().put("StartingPosition", "TRIM_HORIZON").put("MaximumBatchingWindowInSeconds", 1)
                .put("BatchSize", 3).set("FunctionResponseTypes", object().arrayNode().add("ReportBatchItemFailures")));
        streams.put(STREAM, "k", "one");
        streams.put(STREAM, "k", "two item-fail");
        streams.put(STREAM, "k", "three");
        List<String> lines = awaitLogs(l -> l.stream().filter(s -> s.startsWith("record data=three")).count() == 2);
        assertEquals(1, lines.stream().filter(s -> s.startsWith("record data=one")).count(), lines.toString());
        assertEquals(1, lines.stream().filter(s -> s.startsWith("record data=two")).count(), lines.toString());
        assertTrue(lines.indexOf("batch of 2") > lines.indexOf("batch of 3"), lines.toString());
    }

    @Test
    void splitsBatchesIntoLanesByPartitionKeyWithAParallelizationFactor() {
        createMapping(object().put("StartingPosition", "TRIM_HORIZON").put("ParallelizationFactor", 3)
                .put("BatchSize", 30).put("MaximumBatchingWindowInSeconds", 1));
        for (int round = 0; round < 3; round++) {
            for (int key = 0; key < 10; key++) {
                streams.put(STREAM, "key-" + key, "r" + round + "-k" + key);
            }
        }
        List<String> lines = awaitLogs(l -> l.stream().filter(s -> s.startsWith("record ")).count() == 30);
        List<Integer> batches = lines.stream().filter(s -> s.startsWith("batch of "))
                .map(s -> Integer.parseInt(s.substring("batch of ".length()))).toList();
        assertEquals(30, batches.stream().mapToInt(Integer::intValue).sum(), lines.toString());
        assertTrue(batches.size() > 1, "one batch of 30 is split into lanes: " + batches);
        for (int key = 0; key < 10; key++) {
            String suffix = "-k" + key + " key=key-" + key;
            List<String> ofKey = lines.stream().filter(s -> s.startsWith("record data=r") && s.contains(suffix)).toList();
            assertEquals(3, ofKey.size(), ofKey.toString());
            for (int round = 0; round < 3; round++) {
                assertTrue(ofKey.get(round).startsWith("record data=r" + round + suffix), "in order per key: " + ofKey);
            }
        }
    }

    @Test
    void startsAtLatestAndStopsWhileDisabled() {
        streams.put(STREAM, "k", "before");
        JsonNode mapping = createMapping(object().put("StartingPosition", "LATEST"));
        streams.put(STREAM, "k", "after");
        awaitLogs(l -> l.stream().anyMatch(s -> s.startsWith("record data=after")));
        JsonNode disabled = lambda.invoke("UpdateEventSourceMapping",
                object().put("UUID", mapping.path("UUID").asText()).put("Enabled", false), context);
        assertEquals("Disabled", disabled.path("State").asText());
        streams.put(STREAM, "k", "while disabled");
        lambda.invoke("UpdateEventSourceMapping", object().put("UUID", mapping.path("UUID").asText()).put("Enabled", true),
                context);
        List<String> lines = awaitLogs(l -> l.stream().anyMatch(s -> s.startsWith("record data=while disabled")));
        assertEquals(0, lines.stream().filter(s -> s.startsWith("record data=before")).count(), lines.toString());
        assertEquals(1, lines.stream().filter(s -> s.startsWith("record data=after")).count(), lines.toString());
    }

    @Test
    void validatesAndManagesMappings() {
        AwsServiceException noPosition = assertThrows(AwsServiceException.class, () -> createMapping(object()));
        assertEquals("InvalidParameterValueException", noPosition.errorCode());
        AwsServiceException badSize = assertThrows(AwsServiceException.class,
                () -> createMapping(object().put("StartingPosition", "LATEST").put("BatchSize", 10_001)));
        assertTrue(badSize.getMessage().contains("batchSize"), badSize.getMessage());
        JsonNode mapping = createMapping(object().put("StartingPosition", "LATEST"));
        AwsServiceException duplicate = assertThrows(AwsServiceException.class,
                () -> createMapping(object().put("StartingPosition", "LATEST")));
        assertEquals("ResourceConflictException", duplicate.errorCode());
        assertEquals(1, lambda.invoke("ListEventSourceMappings", object().put("FunctionName", "consumer"), context)
                .path("EventSourceMappings").size());
        JsonNode deleted = lambda.invoke("DeleteEventSourceMapping", object().put("UUID", mapping.path("UUID").asText()),
                context);
        assertEquals("Deleting", deleted.path("State").asText());
        AwsServiceException gone = assertThrows(AwsServiceException.class, () -> get(mapping));
        assertEquals("ResourceNotFoundException", gone.errorCode());
    }

    private JsonNode createMapping(ObjectNode settings) {
        settings.put("FunctionName", "consumer").put("EventSourceArn", STREAM);
        return lambda.invoke("CreateEventSourceMapping", settings, context);
    }

    private JsonNode get(JsonNode mapping) {
        return lambda.invoke("GetEventSourceMapping", object().put("UUID", mapping.path("UUID").asText()), context);
    }

    private List<String> awaitLogs(Predicate<List<String>> condition) {
        return Await.until(Duration.ofSeconds(20), this::logLines, condition, lines -> "log lines: " + lines);
    }

    private List<String> logLines() {
        List<String> lines = new ArrayList<>();
        try {
            JsonNode events = logs.invoke("FilterLogEvents", object().put("logGroupName", "/aws/lambda/consumer"), context);
            events.path("events").forEach(e -> lines.add(e.path("message").asText()));
        } catch (AwsServiceException e) {
            // The log group appears with the first invocation.
        }
        return lines;
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}

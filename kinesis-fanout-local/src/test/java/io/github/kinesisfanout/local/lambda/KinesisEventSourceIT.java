package io.github.kinesisfanout.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The consumer side of the pipeline with real SDK v2 clients: a Kinesis stream, a Java function
 * and an event source mapping; records put with the Kinesis client show up in the function's
 * CloudWatch Logs, with retries, bisection and partial batch responses as Lambda applies them.
 */
class KinesisEventSourceIT {

    private LocalCloud cloud;
    private LambdaClient lambda;
    private KinesisClient kinesis;
    private CloudWatchLogsClient logs;
    private String streamArn;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().build().start();
        lambda = SdkClients.client(LambdaClient.builder(), cloud.endpoint());
        kinesis = SdkClients.client(KinesisClient.builder(), cloud.endpoint());
        logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint());
        kinesis.createStream(c -> c.streamName("PositiveTransactions").shardCount(2));
        kinesis.waiter().waitUntilStreamExists(d -> d.streamName("PositiveTransactions"));
        streamArn = kinesis.describeStreamSummary(d -> d.streamName("PositiveTransactions"))
                .streamDescriptionSummary().streamARN();
        lambda.createFunction(c -> c.functionName("consumer").runtime(Runtime.JAVA17).handler("example.KinesisHandler")
                .role(LambdaIT.ROLE).code(code -> code.zipFile(SdkBytes.fromByteArray(HandlerJars.handlerZip()))));
    }

    @AfterEach
    void stop() {
        lambda.close();
        kinesis.close();
        logs.close();
        cloud.close();
    }

    @Test
    void deliversEveryRecordOfEveryShardWithTheKinesisEventFields() {
        CreateEventSourceMappingResponse mapping = lambda.createEventSourceMapping(c -> c.functionName("consumer")
                .eventSourceArn(streamArn).batchSize(100).startingPosition(EventSourcePosition.TRIM_HORIZON));
        assertEquals("Enabled", lambda.getEventSourceMapping(g -> g.uuid(mapping.uuid())).state());
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("user-" + i)
                    .data(SdkBytes.fromUtf8String("{\"ID\":" + i + ",\"AMOUNT\":1.5}")).build());
        }
        assertEquals(0, kinesis.putRecords(p -> p.streamName("PositiveTransactions").records(entries)).failedRecordCount());

        Await.until(Duration.ofSeconds(30), () -> recordLines().size() == 20,
                () -> "waiting until 20 records are logged");
        for (int i = 0; i < 20; i++) {
            int id = i;
            assertEquals(1, recordLines().stream().filter(l -> l.startsWith("record data={\"ID\":" + id + ",")).count());
        }
        String line = recordLines().get(0);
        assertTrue(line.matches(".* id=shardId-00000000000[01]:\\d{56} source=aws:kinesis version=1\\.0"
                + " name=aws:kinesis:record arn=" + streamArn + " region=us-east-1 role=" + LambdaIT.ROLE
                + " schema=1\\.0 arrival=\\d{13}"), line);
        Await.until(Duration.ofSeconds(30), () -> lambda.getEventSourceMapping(g -> g.uuid(mapping.uuid())).lastProcessingResult().equals("OK"),
                () -> "waiting until the mapping reports its result");
    }

    @Test
    void retriesBisectsAndHonoursPartialBatchResponses() {
        lambda.createEventSourceMapping(c -> c.functionName("consumer").eventSourceArn(streamArn).batchSize(10)
                .maximumBatchingWindowInSeconds(1).startingPosition(EventSourcePosition.TRIM_HORIZON)
                .bisectBatchOnFunctionError(true).maximumRetryAttempts(2)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
        // One partition key: every record lands on the same shard, in this order.
        for (String data : List.of("a", "b fail-once", "c", "d item-fail", "e poison", "f")) {
            kinesis.putRecord(p -> p.streamName("PositiveTransactions").partitionKey("same")
                    .data(SdkBytes.fromUtf8String(data)));
        }
        Await.until(Duration.ofSeconds(30), () -> recordLines().stream().anyMatch(l -> l.startsWith("record data=f ")),
                () -> "waiting until the record after the poison one is processed");
        List<String> lines = messages();
        assertTrue(lines.contains("failing on b fail-once"), "b fails once: " + lines);
        assertTrue(recordLines().stream().anyMatch(l -> l.startsWith("record data=b fail-once")), "then b is retried: " + lines);
        assertTrue(lines.contains("reporting item failure d item-fail"), lines.toString());
        assertTrue(recordLines().stream().anyMatch(l -> l.startsWith("record data=d item-fail")),
                "d is retried after its reported failure: " + lines);
        assertTrue(lines.stream().filter(l -> l.equals("failing on e poison")).count() >= 3,
                "e is retried alone (after bisection) until its retries run out: " + lines);
        assertTrue(recordLines().stream().noneMatch(l -> l.startsWith("record data=e")), lines.toString());
    }

    @Test
    void readsAParentShardToItsEndBeforeItsChildren() {
        kinesis.createStream(c -> c.streamName("Resharded").shardCount(1));
        String arn = kinesis.describeStreamSummary(d -> d.streamName("Resharded")).streamDescriptionSummary().streamARN();
        for (String data : List.of("before-1", "before-2", "before-3")) {
            kinesis.putRecord(p -> p.streamName("Resharded").partitionKey("same").data(SdkBytes.fromUtf8String(data)));
        }
        kinesis.updateShardCount(u -> u.streamName("Resharded").targetShardCount(2).scalingType("UNIFORM_SCALING"));
        kinesis.waiter().waitUntilStreamExists(d -> d.streamName("Resharded"));
        for (String data : List.of("after-1", "after-2", "after-3")) {
            kinesis.putRecord(p -> p.streamName("Resharded").partitionKey("same").data(SdkBytes.fromUtf8String(data)));
        }
        // The mapping starts with a closed parent shard and its open children all present: one record
        // per batch keeps the parent busy while a child would already have its records.
        lambda.createEventSourceMapping(c -> c.functionName("consumer").eventSourceArn(arn).batchSize(1)
                .startingPosition(EventSourcePosition.TRIM_HORIZON));
        Await.until(Duration.ofSeconds(30), () -> recordLines().stream()
                .filter(l -> l.contains(reshardedArn(arn))).count() == 6,
                        () -> "waiting until all six records are processed");
        List<String> order = recordLines().stream().filter(l -> l.contains(reshardedArn(arn)))
                .map(l -> l.substring("record data=".length(), l.indexOf(' ', "record data=".length()))).toList();
        assertEquals(List.of("before-1", "before-2", "before-3", "after-1", "after-2", "after-3"), order);
    }

    private static String reshardedArn(String arn) {
        return "arn=" + arn + " ";
    }

    private List<String> recordLines() {
        return messages().stream().filter(m -> m.startsWith("record ")).toList();
    }

    private List<String> messages() {
        try {
            return logs.filterLogEventsPaginator(f -> f.logGroupName("/aws/lambda/consumer")).events().stream()
                    .map(FilteredLogEvent::message).toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
            return List.of();
        }
    }
}

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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The lambdaFailureRate switch with real SDK clients: an event source mapping's invocation fails
 * before the handler runs, as a function error, so the mapping retries and bisects the batch as
 * it would for a function that threw, and every record is delivered in the end.
 */
class InjectedInvocationFailureIT {

    private LocalCloud cloud;
    private LambdaClient lambda;
    private KinesisClient kinesis;
    private CloudWatchLogsClient logs;

    private String start(double failureRate) {
        cloud = LocalCloud.builder().lambdaFailureRate(failureRate).faultSeed(20260125L).functionLogsToConsole(false)
                .build().start();
        lambda = SdkClients.client(LambdaClient.builder(), cloud.endpoint());
        kinesis = SdkClients.client(KinesisClient.builder(), cloud.endpoint());
        logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint());
        kinesis.createStream(c -> c.streamName("Faulty").shardCount(1));
        kinesis.waiter().waitUntilStreamExists(d -> d.streamName("Faulty"));
        lambda.createFunction(c -> c.functionName("consumer").runtime(Runtime.JAVA17).handler("example.KinesisHandler")
                .role(LambdaIT.ROLE).code(code -> code.zipFile(SdkBytes.fromByteArray(HandlerJars.handlerZip()))));
        return kinesis.describeStreamSummary(d -> d.streamName("Faulty")).streamDescriptionSummary().streamARN();
    }

    @AfterEach
    void stop() {
        lambda.close();
        kinesis.close();
        logs.close();
        cloud.close();
    }

    @Test
    void aFailedInvocationIsRetriedAndEveryRecordIsDeliveredOnce() {
        String arn = start(0.5);
        put(40);
        lambda.createEventSourceMapping(c -> c.functionName("consumer").eventSourceArn(arn).batchSize(8)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).bisectBatchOnFunctionError(true));
        Await.until(Duration.ofSeconds(30), () -> recordLines().size() >= 40,
                () -> "waiting until 40 records are logged");
        // The handler never ran in a failed invocation, so nothing is delivered twice.
        for (int i = 0; i < 40; i++) {
            String prefix = "record data=r" + i + " ";
            assertEquals(1, recordLines().stream().filter(l -> l.startsWith(prefix)).count(), prefix);
        }
        List<String> injected = injectedLines();
        assertTrue(!injected.isEmpty(), "at rate 0.5 some of the invocations failed: " + messages());
        assertTrue(injected.get(0).matches("RequestId: [0-9a-f-]{36} Error: Runtime exited with error: signal: killed"
                + " \\(injected: lambdaFailureRate\\)"), injected.get(0));
    }

    @Test
    void everyInvocationFailingBisectsDownToSingleRecordsThenDiscardsThem() {
        String arn = start(1.0);
        put(4);
        lambda.createEventSourceMapping(c -> c.functionName("consumer").eventSourceArn(arn).batchSize(4)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).bisectBatchOnFunctionError(true)
                .maximumRetryAttempts(0));
        // [r0..r3] fails and is split into [r0 r1] and [r2 r3] (bisection is not a retry), each fails and
        // is split into single records, each fails and, with no retries left, is discarded: 1 + 2 + 4 calls.
        Await.until(Duration.ofSeconds(30), () -> injectedLines().size() >= 7,
                () -> "waiting until seven invocations failed");
        Await.until(Duration.ofSeconds(30), () -> lambda.listEventSourceMappings(l -> l
                .functionName("consumer")).eventSourceMappings().get(0).lastProcessingResult()
                .equals("PROBLEM: Function call failed"),
                () -> "waiting until the mapping reports the failure");
        assertEquals(7, injectedLines().size(), messages().toString());
        assertEquals(7, messages().stream().filter(m -> m.startsWith("START RequestId: ")).count());
        assertEquals(List.of(), recordLines());
    }

    private void put(int count) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("same").data(SdkBytes.fromUtf8String("r" + i))
                    .build());
        }
        assertEquals(0, kinesis.putRecords(p -> p.streamName("Faulty").records(entries)).failedRecordCount());
    }

    private List<String> injectedLines() {
        return messages().stream().filter(m -> m.contains("(injected: lambdaFailureRate)")).toList();
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

package io.github.kinesisfanout.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Event source mappings survive a restart on a data directory: an enabled one resumes from its
 * per-shard checkpoints (records put before and after the restart all reach the function, earlier
 * ones are not delivered again), a disabled one stays disabled.
 */
class DurableEventSourceMappingsIT {

    private static final int BATCH = 10;
    private static final int SHARDS = 2;

    @TempDir
    Path dir;

    @Test
    void anEnabledMappingResumesFromItsCheckpointsAfterARestart() {
        String enabledUuid;
        String disabledUuid;
        List<String> firstRun;
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                Clients c = new Clients(cloud)) {
            c.kinesis.createStream(s -> s.streamName("orders").shardCount(SHARDS));
            c.kinesis.waiter().waitUntilStreamExists(d -> d.streamName("orders"));
            String streamArn = c.kinesis.describeStreamSummary(d -> d.streamName("orders"))
                    .streamDescriptionSummary().streamARN();
            for (String name : List.of("consumer", "idle")) {
                c.lambda.createFunction(f -> f.functionName(name).runtime(Runtime.JAVA17).handler("example.KinesisHandler")
                        .role(LambdaIT.ROLE).code(code -> code.zipFile(SdkBytes.fromByteArray(HandlerJars.handlerZip()))));
            }
            enabledUuid = c.lambda.createEventSourceMapping(m -> m.functionName("consumer").eventSourceArn(streamArn)
                    .batchSize(BATCH).startingPosition(EventSourcePosition.TRIM_HORIZON)).uuid();
            disabledUuid = c.lambda.createEventSourceMapping(m -> m.functionName("idle").eventSourceArn(streamArn)
                    .batchSize(5).startingPosition(EventSourcePosition.LATEST).enabled(false)).uuid();
            c.put("before", 30);
            Await.until(Duration.ofSeconds(30), () -> distinct(c.delivered("consumer"), "before") == 30,
                    () -> "waiting until the 30 records put before the restart reach the function");
            firstRun = c.delivered("consumer");
        }
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                Clients c = new Clients(cloud)) {
            GetEventSourceMappingResponse enabled = c.lambda.getEventSourceMapping(g -> g.uuid(enabledUuid));
            assertEquals("Enabled", enabled.state());
            assertEquals(BATCH, enabled.batchSize());
            assertEquals(EventSourcePosition.TRIM_HORIZON, enabled.startingPosition());
            assertTrue(enabled.functionArn().endsWith(":function:consumer"), enabled.functionArn());
            assertEquals("Disabled", c.lambda.getEventSourceMapping(g -> g.uuid(disabledUuid)).state());
            assertEquals(2, c.lambda.listEventSourceMappings().eventSourceMappings().size());

            c.put("after", 30);
            Await.until(Duration.ofSeconds(30), () -> distinct(c.delivered("consumer"), "after") == 30,
                    () -> "waiting until the 30 records put after the restart reach the function");
            List<String> logged = c.delivered("consumer");
            // The function's CloudWatch Logs are kept too: the first run's lines come first, then the new ones.
            assertEquals(firstRun, logged.subList(0, firstRun.size()));
            List<String> secondRun = logged.subList(firstRun.size(), logged.size());
            List<String> all = new ArrayList<>(firstRun);
            all.addAll(secondRun);
            for (int i = 0; i < 30; i++) {
                assertTrue(all.contains("before-" + i), "before-" + i + " was delivered");
                assertTrue(all.contains("after-" + i), "after-" + i + " was delivered");
            }
            long repeatedBefore = secondRun.stream().filter(r -> r.startsWith("before-")).count();
            // At least once: only a batch whose checkpoint was not yet written when the cloud stopped
            // (at most one per shard) may come again; everything up to the checkpoints does not.
            assertTrue(repeatedBefore <= (long) SHARDS * BATCH, "records delivered again after the restart: "
                    + repeatedBefore + " " + secondRun);
            long duplicates = all.size() - all.stream().distinct().count();
            assertTrue(duplicates <= (long) SHARDS * BATCH, "duplicates: " + duplicates);
            assertEquals(List.of(), c.delivered("idle"), "the disabled mapping delivers nothing");
        }
    }

    private static long distinct(List<String> records, String prefix) {
        return records.stream().filter(r -> r.startsWith(prefix + "-")).distinct().count();
    }

    /** The SDK clients of one run. */
    private static final class Clients implements AutoCloseable {
        final LambdaClient lambda;
        final KinesisClient kinesis;
        final CloudWatchLogsClient logs;

        Clients(LocalCloud cloud) {
            lambda = SdkClients.client(LambdaClient.builder(), cloud.endpoint());
            kinesis = SdkClients.client(KinesisClient.builder(), cloud.endpoint());
            logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint());
        }

        void put(String prefix, int count) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i)
                        .data(SdkBytes.fromUtf8String(prefix + "-" + i)).build());
            }
            assertEquals(0, kinesis.putRecords(p -> p.streamName("orders").records(entries)).failedRecordCount());
        }

        /** The data of every record the function logged in this run, one entry per delivery. */
        List<String> delivered(String function) {
            try {
                return logs.filterLogEventsPaginator(f -> f.logGroupName("/aws/lambda/" + function)).events().stream()
                        .map(FilteredLogEvent::message).filter(m -> m.startsWith("record data="))
                        .map(m -> m.substring("record data=".length(), m.indexOf(' ', "record data=".length())))
                        .toList();
            } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
                return List.of();
            }
        }

        @Override
        public void close() {
            lambda.close();
            kinesis.close();
            logs.close();
        }
    }
}

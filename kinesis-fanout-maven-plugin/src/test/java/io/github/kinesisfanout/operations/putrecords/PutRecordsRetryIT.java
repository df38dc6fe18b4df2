package io.github.kinesisfanout.operations.putrecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Partial PutRecords failures of the local cloud's failure switch: only rejected entries go again. */
class PutRecordsRetryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static PutRecordsSettings settings(Path manifest) {
        return new PutRecordsSettings().stream("Flaky").createStream(true, 1).manifest(manifest)
                .backoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(10))).waitTimeout(Duration.ofSeconds(30));
    }

    private static List<String> readShard(AwsClientFactory clients) {
        List<String> data = new ArrayList<>();
        try (KinesisClient kinesis = clients.kinesis()) {
            String iterator = kinesis.getShardIterator(r -> r.streamName("Flaky").shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = kinesis.getRecords(r -> r.shardIterator(current).limit(10_000));
                response.records().forEach(record -> data.add(record.data().asUtf8String()));
                iterator = response.records().isEmpty() ? null : response.nextShardIterator();
            }
        }
        return data;
    }

    @Test
    void rejectedEntriesAreRetriedAloneUntilEveryRecordIsStoredOnce() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().port(0).putRecordsFailureRate(0.3).build().start()) {
            AwsClientFactory clients = new AwsClientFactory(ClientSettings.local(cloud.endpoint()));
            List<String> progress = new ArrayList<>();
            ProgressListener listener = new ProgressListener() {
                @Override
                public void info(String message) {
                    progress.add(message);
                }

                @Override
                public void warn(String message) {
                }

                @Override
                public void debug(String message) {
                }
            };
            PutRecordsResult result = new PutRecordsOperation(clients, listener).run(settings(dir.resolve("m.jsonl"))
                    .recordCount(1000).seed(11L).maxRetries(50).progressInterval(Duration.ZERO));
            assertEquals(1000, result.records());
            // About 30% of 1000 rejected first, 30% of those again, ...: well over 100 retried entries.
            assertTrue(result.retries() > 100, "retries " + result.retries());

            List<String> stored = readShard(clients);
            assertEquals(1000, stored.size(), "each record stored exactly once");
            List<Integer> ids = new ArrayList<>();
            for (String record : stored) {
                ids.add(JSON.readTree(record).get("ID").asInt());
            }
            assertEquals(1000, ids.stream().distinct().count());
            assertEquals(1000, Files.readAllLines(result.manifest()).size());
            assertTrue(progress.stream().anyMatch(line -> line.startsWith("put-records: 500 of 1000 records")),
                    progress.toString());
        }
    }

    @Test
    void recordsThatKeepFailingFailTheRunNamingTheFix() {
        try (LocalCloud cloud = LocalCloud.builder().port(0).putRecordsFailureRate(1.0).build().start()) {
            AwsClientFactory clients = new AwsClientFactory(ClientSettings.local(cloud.endpoint()));
            FanoutException e = assertThrows(FanoutException.class, () -> new PutRecordsOperation(clients,
                    ProgressListener.NONE).run(settings(dir.resolve("f.jsonl")).recordCount(20).maxRetries(2)));
            assertTrue(e.getMessage().startsWith("20 record(s) still failed after 2 retries (last error "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("-Dfanout.maxRetries=N"), e.getMessage());
        }
    }
}

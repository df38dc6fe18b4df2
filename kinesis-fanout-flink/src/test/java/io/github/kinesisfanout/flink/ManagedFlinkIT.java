package io.github.kinesisfanout.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.kinesisanalyticsv2.KinesisAnalyticsV2Client;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.SnapshotStatus;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The job jar as a Managed Flink application of the local cloud's kinesisanalyticsv2: started for
 * real, stopped with a snapshot mid-stream, started again from it, nothing lost at the outputs.
 */
class ManagedFlinkIT {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final String LOG_STREAM = "arn:aws:logs:us-east-1:000000000000:log-group:/flink/fanout:log-stream:job";

    @Test
    void stopWithASnapshotAndStartFromItLosesNothing(@TempDir Path dir) throws Exception {
        // The job jar (about 60 MiB) is bigger than the local cloud's default request body cap.
        try (LocalFlinkRun run = new LocalFlinkRun(LocalCloud.builder().port(0).maxRequestBodyBytes(256 * 1024 * 1024));
                KinesisAnalyticsV2Client flink = client(KinesisAnalyticsV2Client.builder(), run);
                CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder(), run);
                S3Client s3 = S3Client.builder().endpointOverride(run.cloud.endpoint()).region(Region.US_EAST_1)
                        .forcePathStyle(true).credentialsProvider(CREDENTIALS)
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            run.createStream("Transactions", 1);
            run.createStream("Positive", 1);
            run.createStream("Negative", 1);
            // ID i has AMOUNT i - 400 + 0.5: IDs 0..399 negative (400), 400..999 positive (600).
            List<String> records = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                records.add("{\"ID\":" + i + ",\"USERNAME\":\"user" + (i % 5) + "\",\"AMOUNT\":" + (i - 400) + ".5}");
            }
            s3.createBucket(b -> b.bucket("code"));
            s3.putObject(b -> b.bucket("code").key("fanout.jar"), RequestBody.fromFile(LocalFlinkRun.applicationJar(dir, "fanout.sql")));
            flink.createApplication(b -> b.applicationName("fanout").runtimeEnvironment("FLINK-1_19")
                    .serviceExecutionRole("arn:aws:iam::000000000000:role/flink")
                    .cloudWatchLoggingOptions(o -> o.logStreamARN(LOG_STREAM))
                    .applicationConfiguration(c -> c
                            .applicationCodeConfiguration(code -> code.codeContentType("ZIPFILE").codeContent(content -> content
                                    .s3ContentLocation(l -> l.bucketARN("arn:aws:s3:::code").fileKey("fanout.jar"))))
                            .environmentProperties(e -> e.propertyGroups(g -> g.propertyGroupId("FanoutApplication")
                                    .propertyMap(Map.of("input.stream", "Transactions", "scan.stream.initpos", "TRIM_HORIZON",
                                            "output.POSITIVE_TRANSACTIONS.stream", "Positive",
                                            "output.NEGATIVE_TRANSACTIONS.stream", "Negative"))))
                            .applicationSnapshotConfiguration(s -> s.snapshotsEnabled(true))));
            run.put("Transactions", records.subList(0, 500));

            flink.startApplication(b -> b.applicationName("fanout"));
            await(() -> status(flink) == ApplicationStatus.RUNNING, () -> "status " + status(flink), Duration.ofSeconds(120));
            // Of IDs 0..499: 0..399 negative, 400..499 positive.
            run.awaitRecords("Negative", r -> r.size() >= 400, Duration.ofSeconds(60), null);
            run.awaitRecords("Positive", r -> r.size() >= 100, Duration.ofSeconds(60), null);
            flink.stopApplication(b -> b.applicationName("fanout"));
            await(() -> status(flink) == ApplicationStatus.READY, () -> "status " + status(flink), Duration.ofSeconds(60));
            var snapshots = flink.listApplicationSnapshots(b -> b.applicationName("fanout")).snapshotSummaries();
            assertEquals(1, snapshots.size(), snapshots::toString);
            assertEquals(SnapshotStatus.READY, snapshots.get(0).snapshotStatus());

            run.put("Transactions", records.subList(500, 1000));
            flink.startApplication(b -> b.applicationName("fanout"));
            await(() -> status(flink) == ApplicationStatus.RUNNING, () -> "status " + status(flink), Duration.ofSeconds(120));
            List<String> positive = run.awaitRecords("Positive", r -> ids(r).size() == 600, Duration.ofSeconds(90), null);
            List<String> negative = run.readAll("Negative");
            flink.stopApplication(b -> b.applicationName("fanout").force(true));
            await(() -> status(flink) == ApplicationStatus.READY, () -> "status " + status(flink), Duration.ofSeconds(60));

            assertEquals(600, ids(positive).size());
            assertEquals(400, ids(negative).size());
            // At least once: a record may repeat after the restore, never more than once per start.
            assertTrue(positive.size() <= 2 * 600 && negative.size() <= 2 * 400,
                    positive.size() + " positive, " + negative.size() + " negative records");
            List<String> log = logs.getLogEvents(b -> b.logGroupName("/flink/fanout").logStreamName("job")
                    .startFromHead(true)).events().stream().map(e -> e.message()).toList();
            assertTrue(log.stream().anyMatch(m -> m.startsWith("KINESIS-FANOUT JOB RUNNING")), () -> String.join("\n", log));
        }
    }

    private static ApplicationStatus status(KinesisAnalyticsV2Client flink) {
        return flink.describeApplication(b -> b.applicationName("fanout")).applicationDetail().applicationStatus();
    }

    private static TreeSet<Integer> ids(List<String> records) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (String record : records) {
            int start = record.indexOf("\"ID\":") + 5;
            ids.add(Integer.parseInt(record.substring(start, record.indexOf(',', start))));
        }
        return ids;
    }

    private static void await(BooleanSupplier condition, Supplier<String> failure, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + failure.get());
            }
            LocalFlinkRun.pause();
        }
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C client(B builder, LocalFlinkRun run) {
        return builder.endpointOverride(run.cloud.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}

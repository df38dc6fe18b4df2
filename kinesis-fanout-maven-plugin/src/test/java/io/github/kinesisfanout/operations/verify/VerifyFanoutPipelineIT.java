package io.github.kinesisfanout.operations.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.operations.ApplicationOutput;
import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.Polling;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.StreamArns;
import io.github.kinesisfanout.operations.app.AnalyticsApps;
import io.github.kinesisfanout.operations.app.AppLifecycle;
import io.github.kinesisfanout.operations.app.CreateAppOperation;
import io.github.kinesisfanout.operations.app.CreateAppRequest;
import io.github.kinesisfanout.operations.app.SchemaFile;
import io.github.kinesisfanout.operations.putrecords.PutRecordsOperation;
import io.github.kinesisfanout.operations.putrecords.PutRecordsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * The routing check on a real run of the sample application: the local Kinesis Analytics runs
 * the SQL, put-records sends the transactions, and verify-fanout finds every row where it belongs.
 */
class VerifyFanoutPipelineIT {

    private static final Path SQL = Path.of("../sample-project/src/main/sql/application.sql");
    private static final Path SCHEMA = Path.of("../sample-project/src/main/schema/input-schema.json");
    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";

    @TempDir
    Path dir;

    @Test
    void everyTransactionReachesTheStreamItsSignSelects() throws IOException {
        try (LocalCloud cloud = LocalCloud.builder().port(0).build().start()) {
            AwsClientFactory clients = new AwsClientFactory(ClientSettings.local(cloud.endpoint()));
            try (KinesisClient kinesis = clients.kinesis();
                 KinesisAnalyticsClient analytics = clients.client(KinesisAnalyticsClient.builder())) {
                for (String stream : List.of("Transactions", "PositiveTransactions", "NegativeTransactions", "Errors")) {
                    kinesis.createStream(b -> b.streamName(stream).shardCount(1));
                    new Polling(Duration.ofSeconds(10), Duration.ofMillis(5), ProgressListener.NONE).until(stream,
                            () -> kinesis.describeStreamSummary(b -> b.streamName(stream))
                                    .streamDescriptionSummary().streamStatus(), StreamStatus.ACTIVE::equals);
                }
                AnalyticsApps apps = new AnalyticsApps(analytics, ProgressListener.NONE, Duration.ofSeconds(30), false);
                new CreateAppOperation(apps, new StreamArns(clients)).run(new CreateAppRequest("fanout", null, Files.readString(SQL),
                        "application.sql", "SOURCE_SQL_STREAM", 1, schema(), ARN + "Transactions",
                        "arn:aws:iam::000000000000:role/fanout", List.of(
                                new ApplicationOutput("POSITIVE_TRANSACTIONS", ARN + "PositiveTransactions", "JSON", null),
                                new ApplicationOutput("NEGATIVE_TRANSACTIONS", "NegativeTransactions", "JSON", null),
                                new ApplicationOutput("error_stream", ARN + "Errors", "JSON", null)), false));
                new AppLifecycle(apps).start("fanout", "TRIM_HORIZON");
            }
            Path manifest = dir.resolve("manifest.jsonl");
            new PutRecordsOperation(clients, ProgressListener.NONE).run(new PutRecordsSettings()
                    .stream("Transactions").recordCount(300).seed(9L).manifest(manifest));

            FanoutReport report = new VerifyFanoutOperation(clients, ProgressListener.NONE).run(new VerifySettings(
                    manifest, SQL, SCHEMA, "SOURCE_SQL_STREAM", 1, "Transactions", List.of(
                            new ApplicationOutput("POSITIVE_TRANSACTIONS", "PositiveTransactions", null, null),
                            new ApplicationOutput("NEGATIVE_TRANSACTIONS", "NegativeTransactions", null, null),
                            new ApplicationOutput("error_stream", "Errors", null, null)),
                    false, Duration.ofSeconds(60), Duration.ofMillis(50), dir.resolve("report.json")));

            assertTrue(report.passed(), report.summary() + "\n" + report.problems());
            assertEquals(300, report.outputs().get(0).matched() + report.outputs().get(1).matched());
            assertTrue(report.outputs().get(0).matched() > 0 && report.outputs().get(1).matched() > 0, report.summary());
            assertEquals(0, report.outputs().get(2).arrived());
            assertTrue(report.summary().matches("put 300 records -> POSITIVE_TRANSACTIONS (\\d+)/\\1,"
                    + " NEGATIVE_TRANSACTIONS (\\d+)/\\2, error_stream 0; p99 put->output \\d+ ms"), report.summary());
        }
    }

    @Test
    void withInputParallelismEachShardsRecordsAreCheckedAgainstTheirOwnStreamsPump() throws IOException {
        String sql = """
                CREATE OR REPLACE STREAM "FROM_ONE" (ID INTEGER, USERNAME VARCHAR(200), AMOUNT DECIMAL(5,2));
                CREATE OR REPLACE STREAM "FROM_TWO" (ID INTEGER, USERNAME VARCHAR(200), AMOUNT DECIMAL(5,2));
                CREATE OR REPLACE PUMP "ONE" AS INSERT INTO "FROM_ONE"
                  SELECT STREAM ID, USERNAME, AMOUNT FROM "SOURCE_SQL_STREAM_001";
                CREATE OR REPLACE PUMP "TWO" AS INSERT INTO "FROM_TWO"
                  SELECT STREAM ID, USERNAME, AMOUNT FROM "SOURCE_SQL_STREAM_002";
                """;
        Path sqlFile = Files.writeString(dir.resolve("two.sql"), sql);
        try (LocalCloud cloud = LocalCloud.builder().port(0).build().start()) {
            AwsClientFactory clients = new AwsClientFactory(ClientSettings.local(cloud.endpoint()));
            try (KinesisClient kinesis = clients.kinesis();
                 KinesisAnalyticsClient analytics = clients.client(KinesisAnalyticsClient.builder())) {
                for (String stream : List.of("Transactions", "FromOne", "FromTwo")) {
                    kinesis.createStream(b -> b.streamName(stream).shardCount(stream.equals("Transactions") ? 4 : 1));
                    new Polling(Duration.ofSeconds(10), Duration.ofMillis(5), ProgressListener.NONE).until(stream,
                            () -> kinesis.describeStreamSummary(b -> b.streamName(stream))
                                    .streamDescriptionSummary().streamStatus(), StreamStatus.ACTIVE::equals);
                }
                AnalyticsApps apps = new AnalyticsApps(analytics, ProgressListener.NONE, Duration.ofSeconds(30), false);
                new CreateAppOperation(apps, new StreamArns(clients)).run(new CreateAppRequest("parallel", null, sql,
                        "two.sql", "SOURCE_SQL_STREAM", 2, schema(), ARN + "Transactions",
                        "arn:aws:iam::000000000000:role/fanout", List.of(
                                new ApplicationOutput("FROM_ONE", "FromOne", "JSON", null),
                                new ApplicationOutput("FROM_TWO", "FromTwo", "JSON", null)), false));
                new AppLifecycle(apps).start("parallel", "TRIM_HORIZON");
            }
            Path manifest = dir.resolve("manifest.jsonl");
            new PutRecordsOperation(clients, ProgressListener.NONE).run(new PutRecordsSettings()
                    .stream("Transactions").recordCount(200).seed(3L).manifest(manifest));

            FanoutReport report = new VerifyFanoutOperation(clients, ProgressListener.NONE).run(new VerifySettings(
                    manifest, sqlFile, SCHEMA, "SOURCE_SQL_STREAM", 2, "Transactions", List.of(
                            new ApplicationOutput("FROM_ONE", "FromOne", null, null),
                            new ApplicationOutput("FROM_TWO", "FromTwo", null, null)),
                    false, Duration.ofSeconds(60), Duration.ofMillis(50), dir.resolve("report.json")));

            assertTrue(report.passed(), report.summary() + "\n" + report.problems());
            // Shards 0 and 2 feed SOURCE_SQL_STREAM_001, shards 1 and 3 SOURCE_SQL_STREAM_002.
            List<ManifestRecord> put = PutRecordsManifest.read(manifest);
            long onEvenShards = put.stream().filter(r -> r.shardId().endsWith("0") || r.shardId().endsWith("2")).count();
            assertEquals(onEvenShards, report.outputs().get(0).matched());
            assertEquals(200 - onEvenShards, report.outputs().get(1).matched());
            assertTrue(onEvenShards > 0 && onEvenShards < 200, report.summary());
            assertEquals(0, report.outputs().get(0).unexpected() + report.outputs().get(1).unexpected());
        }
    }

    private static SourceSchema schema() {
        return SourceSchema.builder().recordEncoding("UTF-8")
                .recordFormat(f -> f.recordFormatType("JSON")
                        .mappingParameters(m -> m.jsonMappingParameters(j -> j.recordRowPath("$"))))
                .recordColumns(SchemaFile.read(SCHEMA))
                .build();
    }
}

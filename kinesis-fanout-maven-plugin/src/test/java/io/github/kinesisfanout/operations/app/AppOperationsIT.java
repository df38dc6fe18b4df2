package io.github.kinesisfanout.operations.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.operations.ApplicationOutput;
import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.StreamArns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/** The application operations with the real SDK against an in-process local cloud. */
class AppOperationsIT {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    private static final String ROLE = "arn:aws:iam::000000000000:role/fanout";
    private static final String SQL = """
            CREATE OR REPLACE STREAM "POSITIVE_TRANSACTIONS" (ID INTEGER, USERNAME VARCHAR(200), AMOUNT DECIMAL(5,2));
            CREATE OR REPLACE STREAM "NEGATIVE_TRANSACTIONS" (ID INTEGER, USERNAME VARCHAR(200), AMOUNT DECIMAL(5,2));
            CREATE OR REPLACE PUMP "POSITIVE_PUMP" AS INSERT INTO "POSITIVE_TRANSACTIONS"
              SELECT STREAM ID, USERNAME, AMOUNT FROM "SOURCE_SQL_STREAM_001" WHERE AMOUNT >= 0;
            CREATE OR REPLACE PUMP "NEGATIVE_PUMP" AS INSERT INTO "NEGATIVE_TRANSACTIONS"
              SELECT STREAM ID, USERNAME, AMOUNT FROM "SOURCE_SQL_STREAM_001" WHERE AMOUNT < 0;
            """;

    @TempDir
    Path dir;

    private LocalCloud cloud;
    private KinesisAnalyticsClient analytics;
    private KinesisClient kinesis;
    private final List<String> progress = new ArrayList<>();
    private AnalyticsApps apps;
    private StreamArns streams;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().port(0).build().start();
        AwsClientFactory clients = new AwsClientFactory(ClientSettings.local(cloud.endpoint()));
        analytics = clients.client(KinesisAnalyticsClient.builder());
        kinesis = clients.kinesis();
        streams = new StreamArns(clients);
        for (String stream : List.of("Transactions", "PositiveTransactions", "NegativeTransactions")) {
            kinesis.createStream(r -> r.streamName(stream).shardCount(1));
        }
        apps = new AnalyticsApps(analytics, new ProgressListener() {
            @Override
            public void info(String message) {
                progress.add(message);
            }

            @Override
            public void warn(String message) {
                progress.add(message);
            }

            @Override
            public void debug(String message) {
            }
        }, Duration.ofSeconds(30), false);
    }

    @AfterEach
    void stop() {
        analytics.close();
        kinesis.close();
        cloud.close();
    }

    private static SourceSchema schema() {
        return SourceSchema.builder().recordEncoding("UTF-8")
                .recordFormat(f -> f.recordFormatType("JSON").mappingParameters(m -> m.jsonMappingParameters(j -> j.recordRowPath("$"))))
                .recordColumns(SchemaFile.parseInline("ID:INTEGER:$.ID,USERNAME:VARCHAR(200):$.USERNAME,AMOUNT:DECIMAL(5,2):$.AMOUNT"))
                .build();
    }

    private static CreateAppRequest request(String sql, boolean replace, ApplicationOutput... outputs) {
        return new CreateAppRequest("fanout", null, sql, "application.sql", "SOURCE_SQL_STREAM", 1, schema(),
                ARN + "Transactions", ROLE, List.of(outputs), replace);
    }

    private static ApplicationOutput out(String name, String stream, String format) {
        return new ApplicationOutput(name, ARN + stream, format, null);
    }

    @Test
    void createThenUpToDateThenUpdateThenReplace() {
        CreateAppOperation create = new CreateAppOperation(apps, streams);
        var positive = out("POSITIVE_TRANSACTIONS", "PositiveTransactions", "JSON");
        var negative = out("NEGATIVE_TRANSACTIONS", "NegativeTransactions", "JSON");
        assertTrue(create.run(request(SQL, false, positive, negative)).startsWith("Created application fanout ("));
        assertEquals("Application fanout is up to date (version 1, READY)", create.run(request(SQL, false, positive, negative)));
        String changed = SQL.replace(">= 0", ">= 1");
        assertEquals("Updated application fanout to version 2: code, output NEGATIVE_TRANSACTIONS (READY)",
                create.run(request(changed, false, positive, out("NEGATIVE_TRANSACTIONS", "NegativeTransactions", "CSV"))));
        assertEquals("Updated application fanout to version 3: output NEGATIVE_TRANSACTIONS deleted (READY)",
                create.run(request(changed, false, positive)));
        assertTrue(create.run(request(changed, true, positive)).startsWith("Created application fanout"));
        assertTrue(progress.contains("Replacing application fanout (fanout.replace=true)"), progress.toString());
        assertEquals(1L, analytics.describeApplication(r -> r.applicationName("fanout")).applicationDetail().applicationVersionId());
    }

    @Test
    void anOutputStreamGivenByNameIsWrittenToByArn() {
        new CreateAppOperation(apps, streams).run(request(SQL, false,
                new ApplicationOutput("POSITIVE_TRANSACTIONS", "PositiveTransactions", null, "ignored-by-create-app")));
        var output = analytics.describeApplication(r -> r.applicationName("fanout")).applicationDetail()
                .outputDescriptions().get(0);
        assertEquals("POSITIVE_TRANSACTIONS", output.name());
        assertEquals(ARN + "PositiveTransactions", output.kinesisStreamsOutputDescription().resourceARN());
        assertEquals("JSON", output.destinationSchema().recordFormatTypeAsString());
        // The same mapping by name is up to date with the application created by ARN.
        assertEquals("Application fanout is up to date (version 1, READY)", new CreateAppOperation(apps, streams)
                .run(request(SQL, false, out("POSITIVE_TRANSACTIONS", "PositiveTransactions", "JSON"))));
    }

    @Test
    void anOutputStreamThatDoesNotExistFailsNamingItBeforeTheApplicationIsCreated() {
        var error = assertThrows(FanoutException.class, () -> new CreateAppOperation(apps, streams).run(request(SQL,
                false, new ApplicationOutput("POSITIVE_TRANSACTIONS", "NoSuchStream", null, null))));
        assertTrue(error.getMessage().startsWith("Stream 'NoSuchStream' does not exist (ResourceNotFoundException"),
                error.getMessage());
        assertTrue(error.getMessage().endsWith("create it first (deploy-stack) or fix the stream in <outputs>"
                + " (-Dfanout.outputs=NAME=STREAM[:FORMAT][@FUNCTION])"), error.getMessage());
        assertTrue(analytics.listApplications(r -> { }).applicationSummaries().isEmpty());
    }

    @Test
    void sqlThatDoesNotCompileFailsWithLineAndColumnBeforeAnyCall() {
        var error = assertThrows(FanoutException.class, () -> new CreateAppOperation(apps, streams)
                .run(request(SQL.replace("AMOUNT < 0", "AMOUNTT < 0"), false)));
        assertTrue(error.getMessage().matches("(?s).*application.sql does not compile:\\n  line 6, column \\d+: .*AMOUNTT.*"),
                error.getMessage());
        assertTrue(analytics.listApplications(r -> { }).applicationSummaries().isEmpty());
    }

    @Test
    void toggleStartsAndStopsAndDeleteWaitsUntilGone() {
        new CreateAppOperation(apps, streams).run(request(SQL, false, out("POSITIVE_TRANSACTIONS", "PositiveTransactions", "JSON")));
        AppLifecycle lifecycle = new AppLifecycle(apps);
        assertEquals("Application fanout is already stopped (READY): nothing to do", lifecycle.stop("fanout"));
        assertEquals("Started application fanout from TRIM_HORIZON: RUNNING", lifecycle.toggle("fanout", "TRIM_HORIZON"));
        assertEquals("Application fanout is already RUNNING: nothing to do", lifecycle.start("fanout", "NOW"));
        assertEquals("Stopped application fanout: READY", lifecycle.toggle("fanout", "NOW"));
        assertEquals("Deleted application fanout", lifecycle.delete("fanout", false));
        assertEquals("Application fanout does not exist: nothing to delete", lifecycle.delete("fanout", false));
        var missing = assertThrows(FanoutException.class, () -> lifecycle.delete("fanout", true));
        assertTrue(missing.getMessage().contains("-Dfanout.applicationName=NAME"), missing.getMessage());
    }

    @Test
    void discoverWritesTheSchemaAndChecksItAgainstTheFile() throws Exception {
        for (int i = 0; i < 10; i++) {
            String json = "{\"ID\":" + i + ",\"USERNAME\":\"user" + i + "\",\"AMOUNT\":" + (i - 5) + ".5}";
            kinesis.putRecord(r -> r.streamName("Transactions").partitionKey("k").data(SdkBytes.fromString(json, StandardCharsets.UTF_8)));
        }
        Path file = dir.resolve("schema/input-schema.json");
        DiscoverSchemaOperation discover = new DiscoverSchemaOperation(apps);
        List<RecordColumn> columns = discover.run(ARN + "Transactions", ROLE, "TRIM_HORIZON", file, false);
        assertEquals(List.of("ID", "USERNAME", "AMOUNT"), columns.stream().map(RecordColumn::name).toList());
        assertEquals(columns, SchemaFile.read(file));
        assertTrue(progress.stream().anyMatch(line -> line.matches("1\\s+ID\\s+TINYINT\\s+\\$\\.ID\\s+0\\s+1\\s+2\\s+3\\s+4")),
                progress.toString());
        discover.run(ARN + "Transactions", ROLE, "TRIM_HORIZON", file, true);
        Files.writeString(file, Files.readString(file).replace("TINYINT", "INTEGER"));
        var differs = assertThrows(FanoutException.class, () -> discover.run(ARN + "Transactions", ROLE, "TRIM_HORIZON", file, true));
        assertTrue(differs.getMessage().contains("column 1: file has ID INTEGER $.ID, discovered ID TINYINT $.ID"),
                differs.getMessage());
    }

    @Test
    void toggleWaitsOutATransientStatusThenTogglesAndPrintsProgress() {
        try (LocalCloud slow = LocalCloud.builder().port(0).statusTransitionDelay(Duration.ofMillis(400)).build().start();
                KinesisAnalyticsClient client = new AwsClientFactory(ClientSettings.local(slow.endpoint()))
                        .client(KinesisAnalyticsClient.builder());
                KinesisClient streams = new AwsClientFactory(ClientSettings.local(slow.endpoint())).kinesis()) {
            streams.createStream(r -> r.streamName("Transactions").shardCount(1));
            AnalyticsApps slowApps = new AnalyticsApps(client, apps.listener(), Duration.ofSeconds(30), false);
            new io.github.kinesisfanout.operations.Polling(Duration.ofSeconds(30), Duration.ofMillis(50), apps.listener())
                    .until("stream Transactions", () -> streams.describeStreamSummary(r -> r.streamName("Transactions"))
                            .streamDescriptionSummary().streamStatusAsString(), "ACTIVE"::equals);
            new CreateAppOperation(slowApps, null).run(request(SQL, false));
            client.startApplication(r -> r.applicationName("fanout").inputConfigurations(c -> c.id("1.1")
                    .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
            progress.clear();
            assertEquals("Stopped application fanout: READY", new AppLifecycle(slowApps).toggle("fanout", "NOW"));
            assertTrue(progress.stream().anyMatch(line -> line.matches("application fanout: STARTING, \\d+ s")), progress.toString());
            assertTrue(progress.stream().anyMatch(line -> line.matches("application fanout: STOPPING, \\d+ s")), progress.toString());
        }
    }

    @Test
    void againstAwsItselfAnErrorSaysTheSqlServiceIsRetiredAndPointsToTheLocalCloud() {
        AnalyticsApps aws = new AnalyticsApps(analytics, apps.listener(), Duration.ofSeconds(5), true);
        var error = assertThrows(FanoutException.class, () -> new AppLifecycle(aws).start("fanout", "NOW"));
        assertTrue(error.getMessage().startsWith("ResourceNotFoundException: Application fanout is not found.")
                || error.getMessage().contains("does not exist"), error.getMessage());
        var retired = assertThrows(FanoutException.class, () -> aws.call(() -> analytics.createApplication(r -> r
                .applicationName("bad name"))));
        assertTrue(retired.getMessage().startsWith("InvalidArgumentException: "), retired.getMessage());
        assertTrue(retired.getMessage().contains("(request id "), retired.getMessage());
        assertTrue(retired.getMessage().contains("Kinesis Data Analytics for SQL is retired by AWS"), retired.getMessage());
        assertTrue(retired.getMessage().contains("kinesis-fanout:start-local"), retired.getMessage());
    }
}

package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.CodeValidationException;
import software.amazon.awssdk.services.kinesisanalytics.model.DiscoverInputSchemaResponse;
import software.amazon.awssdk.services.kinesisanalytics.model.InvalidApplicationConfigurationException;
import software.amazon.awssdk.services.kinesisanalytics.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.UnableToDetectSchemaException;

/** Code validation with line and column, start-time checks and DiscoverInputSchema, with the real SDK. */
class AnalyticsCodeIT extends LocalCloudFixture {

    private static final String INPUT = "arn:aws:kinesis:us-east-1:000000000000:stream/Transactions";

    @BeforeEach
    void createStreams() {
        kinesis.createStream(r -> r.streamName("Transactions").shardCount(2));
    }

    private static final String BAD_COLUMN = TransactionApp.SQL.replace("WHERE AMOUNT >= 0", "WHERE AMOUNTT >= 0");

    @Test
    void codeThatDoesNotCompileIsACodeValidationExceptionWithLineAndColumn() {
        var error = assertThrows(CodeValidationException.class, () -> analytics.createApplication(r -> r
                .applicationName("app").applicationCode(BAD_COLUMN).inputs(TransactionApp.input(INPUT, 1))));
        assertTrue(error.awsErrorDetails().errorMessage().matches("(?s)line 4, column \\d+: .*AMOUNTT.*"),
                error.awsErrorDetails().errorMessage());

        analytics.createApplication(r -> r.applicationName("app").applicationCode(BAD_COLUMN));
        var onInput = assertThrows(CodeValidationException.class, () -> analytics.addApplicationInput(r -> r
                .applicationName("app").currentApplicationVersionId(1L).input(TransactionApp.input(INPUT, 1))));
        assertTrue(onInput.getMessage().contains("line 4"), onInput.getMessage());
        analytics.updateApplication(r -> r.applicationName("app").currentApplicationVersionId(1L)
                .applicationUpdate(u -> u.applicationCodeUpdate(TransactionApp.SQL)));
        analytics.addApplicationInput(r -> r.applicationName("app").currentApplicationVersionId(2L)
                .input(TransactionApp.input(INPUT, 1)));
        var onUpdate = assertThrows(CodeValidationException.class, () -> analytics.updateApplication(r -> r
                .applicationName("app").currentApplicationVersionId(3L)
                .applicationUpdate(u -> u.applicationCodeUpdate("CREATE STREAM;"))));
        assertTrue(onUpdate.getMessage().startsWith("line 1, column"), onUpdate.getMessage());
        assertEquals(3L, analytics.describeApplication(r -> r.applicationName("app")).applicationDetail().applicationVersionId());
    }

    @Test
    void anUnknownSqlTypeInTheSchemaIsAnInvalidArgument() {
        var input = TransactionApp.input(INPUT, 1).toBuilder().inputSchema(TransactionApp.schema().toBuilder()
                .recordColumns(RecordColumn.builder().name("ID").sqlType("NUMBERISH").mapping("$.ID").build()).build()).build();
        var error = assertThrows(InvalidArgumentException.class, () -> analytics.createApplication(r -> r
                .applicationName("app").applicationCode("CREATE STREAM S (ID INTEGER);").inputs(input)));
        assertTrue(error.getMessage().contains("NUMBERISH"), error.getMessage());
    }

    @Test
    void startNeedsEveryOutputStreamToBeCreatedByTheCode() {
        analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                .inputs(TransactionApp.input(INPUT, 1))
                .outputs(o -> AnalyticsControlPlaneIT.kinesisOutput(o, "NOT_CREATED", INPUT)));
        var error = assertThrows(InvalidApplicationConfigurationException.class, () -> analytics.startApplication(r -> r
                .applicationName("app").inputConfigurations(c -> c.id("1.1")
                        .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW")))));
        assertTrue(error.getMessage().contains("NOT_CREATED"), error.getMessage());
    }

    @Test
    void discoverInputSchemaInfersTheTransactionColumns() {
        for (int i = 0; i < 20; i++) {
            String json = "{\"ID\":" + (i * 1000) + ",\"USERNAME\":\"user" + i + "\",\"AMOUNT\":" + (i - 10) + ".25}";
            kinesis.putRecord(r -> r.streamName("Transactions").partitionKey("k" + json.length())
                    .data(SdkBytes.fromString(json, StandardCharsets.UTF_8)));
        }
        DiscoverInputSchemaResponse response = analytics.discoverInputSchema(r -> r.resourceARN(INPUT)
                .roleARN(AnalyticsControlPlaneIT.ROLE).inputStartingPositionConfiguration(p -> p.inputStartingPosition("TRIM_HORIZON")));
        assertEquals(List.of("ID SMALLINT $.ID", "USERNAME VARCHAR(8) $.USERNAME", "AMOUNT REAL $.AMOUNT"),
                response.inputSchema().recordColumns().stream()
                        .map(c -> c.name() + " " + c.sqlType() + " " + c.mapping()).toList());
        assertEquals("JSON", response.inputSchema().recordFormat().recordFormatTypeAsString());
        assertEquals(20, response.rawInputRecords().size());
        assertEquals(20, response.parsedInputRecords().size());
        assertEquals(3, response.parsedInputRecords().get(0).size());
    }

    @Test
    void discoverInputSchemaGivesUpWithTheRawRecords() {
        kinesis.putRecord(r -> r.streamName("Transactions").partitionKey("k")
                .data(SdkBytes.fromString("just some words", StandardCharsets.UTF_8)));
        var error = assertThrows(UnableToDetectSchemaException.class, () -> analytics.discoverInputSchema(r -> r
                .resourceARN(INPUT).roleARN(AnalyticsControlPlaneIT.ROLE)
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition("TRIM_HORIZON"))));
        assertEquals(List.of("just some words"), error.rawInputRecords());
        var missing = assertThrows(InvalidArgumentException.class, () -> analytics.discoverInputSchema(r -> r
                .resourceARN(INPUT + "-missing").roleARN(AnalyticsControlPlaneIT.ROLE)));
        assertTrue(missing.getMessage().contains("Transactions-missing"), missing.getMessage());
    }

    @Test
    void transientStatesAreObservableWithATransitionDelay() {
        try (LocalCloud slow = LocalCloud.builder().statusTransitionDelay(Duration.ofMillis(300)).build().start();
                KinesisAnalyticsClient client = AnalyticsClients.analytics(slow.endpoint());
                KinesisClient streams = AnalyticsClients.kinesis(slow.endpoint())) {
            streams.createStream(r -> r.streamName("Transactions").shardCount(1));
            Await.until(Duration.ofSeconds(10), () -> "ACTIVE".equals(streams.describeStreamSummary(r -> r
                    .streamName("Transactions")).streamDescriptionSummary().streamStatusAsString()), () -> "stream not active");
            client.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                    .inputs(TransactionApp.input(INPUT, 1)));
            client.startApplication(r -> r.applicationName("app").inputConfigurations(c -> c.id("1.1")
                    .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
            assertEquals("STARTING", status(client));
            assertThrows(software.amazon.awssdk.services.kinesisanalytics.model.ResourceInUseException.class,
                    () -> client.stopApplication(r -> r.applicationName("app")));
            Await.until(Duration.ofSeconds(10), () -> "RUNNING".equals(status(client)), () -> status(client));
            client.stopApplication(r -> r.applicationName("app"));
            assertEquals("STOPPING", status(client));
            Await.until(Duration.ofSeconds(10), () -> "READY".equals(status(client)), () -> status(client));
            var created = client.describeApplication(r -> r.applicationName("app")).applicationDetail().createTimestamp();
            client.deleteApplication(r -> r.applicationName("app").createTimestamp(created));
            assertEquals("DELETING", status(client));
            Await.until(Duration.ofSeconds(10), () -> client.listApplications(r -> { }).applicationSummaries().isEmpty(),
                    () -> status(client));
        }
    }

    private static String status(KinesisAnalyticsClient client) {
        return client.describeApplication(r -> r.applicationName("app")).applicationDetail().applicationStatusAsString();
    }
}

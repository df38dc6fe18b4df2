package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.SdkClients;
import io.github.kinesisfanout.local.lambda.HandlerJars;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalytics.model.Input;
import software.amazon.awssdk.services.kinesisanalytics.model.Output;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * An application whose input goes through a Java preprocessing function (example.PreprocessingHandler, built on
 * aws-lambda-java-events' KinesisAnalyticsStreamsInputPreprocessingEvent and KinesisAnalyticsInputPreprocessingResponse):
 * its outputs and error_stream hold exactly what the function's answers make of the records put.
 */
class InputPreprocessingIT extends LocalCloudFixture {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final String SQL = """
            CREATE OR REPLACE STREAM "POSITIVE_TRANSACTIONS" (ID INTEGER, USERNAME VARCHAR(200), AMOUNT DECIMAL(5,2), ARRIVED TIMESTAMP);
            CREATE OR REPLACE STREAM "NEGATIVE_TRANSACTIONS" (ID INTEGER, USERNAME VARCHAR(200), AMOUNT DECIMAL(5,2), ARRIVED TIMESTAMP);
            CREATE OR REPLACE PUMP "POSITIVE_PUMP" AS INSERT INTO "POSITIVE_TRANSACTIONS"
              SELECT STREAM ID, USERNAME, AMOUNT, APPROXIMATE_ARRIVAL_TIME FROM "SOURCE_SQL_STREAM_001" WHERE AMOUNT >= 0;
            CREATE OR REPLACE PUMP "NEGATIVE_PUMP" AS INSERT INTO "NEGATIVE_TRANSACTIONS"
              SELECT STREAM ID, USERNAME, AMOUNT, APPROXIMATE_ARRIVAL_TIME FROM "SOURCE_SQL_STREAM_001" WHERE AMOUNT < 0;
            """;

    private LambdaClient lambda;
    private CloudWatchLogsClient logs;
    private String function;
    private final Map<Integer, String> sequenceById = new LinkedHashMap<>();

    @BeforeEach
    void createFunctionStreamsAndApplication() {
        lambda = SdkClients.client(LambdaClient.builder(), cloud.endpoint());
        logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint());
        function = lambda.createFunction(c -> c.functionName("preprocess").runtime(Runtime.JAVA17)
                .handler("example.PreprocessingHandler").role(AnalyticsControlPlaneIT.ROLE)
                .code(code -> code.zipFile(SdkBytes.fromByteArray(HandlerJars.handlerZip())))).functionArn();
        lambda.waiter().waitUntilFunctionActiveV2(g -> g.functionName("preprocess"));
        for (String stream : List.of("Transactions", "PositiveTransactions", "NegativeTransactions", "Errors")) {
            kinesis.createStream(r -> r.streamName(stream).shardCount(1));
        }
        Input input = TransactionApp.input(ARN + "Transactions", 1).toBuilder()
                .inputProcessingConfiguration(p -> p.inputLambdaProcessor(l -> l.resourceARN(function)
                        .roleARN(AnalyticsControlPlaneIT.ROLE)))
                .build();
        analytics.createApplication(r -> r.applicationName("app").applicationCode(SQL).inputs(input)
                .outputs(output("POSITIVE_TRANSACTIONS", "PositiveTransactions"),
                        output("NEGATIVE_TRANSACTIONS", "NegativeTransactions"), output("error_stream", "Errors")));
    }

    @AfterEach
    void closeClients() {
        lambda.close();
        logs.close();
    }

    @Test
    void okRecordsFlowWithTheirNewDataDroppedOnesVanishAndFailedOnesReachTheErrorStream() {
        start("NOW");
        put(1, "alice", "10.5");
        put(2, "bob", "-3.25");
        put(3, "drop", "7");
        put(4, "fail", "-1");
        put(5, "carol", "0");
        put(6, "twice", "2");
        StreamContents positive = new StreamContents(kinesis, "PositiveTransactions");
        StreamContents negative = new StreamContents(kinesis, "NegativeTransactions");
        StreamContents errors = new StreamContents(kinesis, "Errors");
        // Worked out from the handler: 1, 5 and 6 (twice: two documents in one Ok record) are positive with
        // upper-cased names, 2 is negative, 3 is dropped, 4 failed.
        Await.until(TIMEOUT, () -> positive.refresh() >= 4 && negative.refresh() >= 1 && errors.refresh() >= 1,
                () -> positive.json() + " / " + negative.json() + " / " + errors.json());
        Map<Integer, String> arrival = inputArrivals();
        assertEquals(List.of(row(1, "ALICE", "10.50", arrival), row(5, "CAROL", "0.00", arrival),
                row(6, "TWICE", "2.00", arrival), row(6, "TWICE", "2.00", arrival)), rows(positive));
        assertEquals(List.of(row(2, "BOB", "-3.25", arrival)), rows(negative));
        assertEquals(1, errors.json().size(), errors.json().toString());
        JsonNode error = errors.json().get(0);
        assertEquals("ERROR", error.get("ERROR_LEVEL").asText());
        assertEquals("Lambda_Processing_Failed", error.get("ERROR_NAME").asText());
        assertEquals(hex(transaction(4, "fail", "-1")), error.get("DATA_ROW").asText());
        assertTrue(error.get("MESSAGE").asText().contains(sequenceById.get(4)), error.toString());
        assertTrue(error.get("PUMP_NAME").isNull(), error.toString());
        assertTrue(error.get("DATA_ROWTIME").asText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}"),
                error.toString());

        // The event: every record once, with its id (the sequence number) and Kinesis metadata.
        String appArn = analytics.describeApplication(r -> r.applicationName("app")).applicationDetail().applicationARN();
        List<String> lines = logLines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("invocation app=" + appArn + " stream=" + ARN
                + "Transactions records=")), lines.toString());
        for (Record record : inputRecords()) {
            String data = record.data().asUtf8String();
            String expected = "record id=" + record.sequenceNumber() + " seq=" + record.sequenceNumber() + " key="
                    + record.partitionKey() + " shard=shardId-000000000000 arrival="
                    + record.approximateArrivalTimestamp().toEpochMilli() + " data=" + data;
            assertEquals(1, lines.stream().filter(expected::equals).count(), expected + " in " + lines);
        }
    }

    @Test
    void anInvocationWhoseResponseMissesARecordIsRetriedThenEveryRecordOfItReachesTheErrorStream() {
        put(11, "erin", "1");
        put(12, "omit", "2");
        put(13, "frank", "-3");
        start("TRIM_HORIZON");
        StreamContents errors = new StreamContents(kinesis, "Errors");
        Await.until(TIMEOUT, () -> errors.refresh() >= 3, () -> errors.json().toString());
        put(14, "gina", "4");
        StreamContents positive = new StreamContents(kinesis, "PositiveTransactions");
        Await.until(TIMEOUT, () -> positive.refresh() >= 1, () -> positive.json().toString());

        // 11..13 were read together: one invocation, made 4 times (InputPreprocessor.MAX_ATTEMPTS), then all
        // three are errors; 14 comes after them and flows.
        assertEquals(List.of(row(14, "GINA", "4.00", inputArrivals())), rows(positive));
        assertEquals(0, new StreamContents(kinesis, "NegativeTransactions").refresh());
        List<String> expectedData = List.of(hex(transaction(11, "erin", "1")), hex(transaction(12, "omit", "2")),
                hex(transaction(13, "frank", "-3")));
        assertEquals(expectedData, errors.json().stream().map(e -> e.get("DATA_ROW").asText()).toList());
        for (JsonNode error : errors.json()) {
            assertEquals("Lambda_Preprocessing_Error", error.get("ERROR_NAME").asText());
            String message = error.get("MESSAGE").asText();
            assertTrue(message.contains(function + " failed 4 times"), message);
            assertTrue(message.contains("does not answer recordId " + sequenceById.get(12)), message);
        }
        List<String> lines = logLines();
        assertEquals(4, lines.stream().filter(l -> l.endsWith(" records=3")).count(), lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.endsWith(" records=1")).count(), lines.toString());
    }

    @Test
    void aFunctionErrorIsRetriedThenItsRecordsReachTheErrorStream() {
        put(21, "poison", "1");
        start("TRIM_HORIZON");
        StreamContents errors = new StreamContents(kinesis, "Errors");
        Await.until(TIMEOUT, () -> errors.refresh() >= 1, () -> errors.json().toString());
        put(22, "hank", "-2");
        StreamContents negative = new StreamContents(kinesis, "NegativeTransactions");
        Await.until(TIMEOUT, () -> negative.refresh() >= 1, () -> negative.json().toString());

        assertEquals(List.of(row(22, "HANK", "-2.00", inputArrivals())), rows(negative));
        assertEquals(1, errors.json().size());
        JsonNode error = errors.json().get(0);
        assertEquals("Lambda_Preprocessing_Error", error.get("ERROR_NAME").asText());
        assertEquals(hex(transaction(21, "poison", "1")), error.get("DATA_ROW").asText());
        assertTrue(error.get("MESSAGE").asText().contains("Unhandled"), error.toString());
        assertEquals(4, logLines().stream().filter(l -> l.contains("data=" + transaction(21, "poison", "1"))).count());
    }

    @Test
    void discoverInputSchemaInfersTheSchemaFromWhatTheFunctionAnsweredOk() {
        put(1, "alice", "10.5");
        put(2, "bob", "-3.25");
        put(3, "drop", "7");
        put(4, "fail", "-1");
        var response = analytics.discoverInputSchema(r -> r.resourceARN(ARN + "Transactions")
                .roleARN(AnalyticsControlPlaneIT.ROLE)
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition("TRIM_HORIZON"))
                .inputProcessingConfiguration(p -> p.inputLambdaProcessor(l -> l.resourceARN(function)
                        .roleARN(AnalyticsControlPlaneIT.ROLE))));
        assertEquals(List.of(transaction(1, "alice", "10.5"), transaction(2, "bob", "-3.25"),
                transaction(3, "drop", "7"), transaction(4, "fail", "-1")), response.rawInputRecords());
        assertEquals(List.of(transaction(1, "ALICE", "10.5"), transaction(2, "BOB", "-3.25")),
                response.processedInputRecords());
        assertEquals(List.of("ID", "USERNAME", "AMOUNT"), response.inputSchema().recordColumns().stream()
                .map(c -> c.name()).toList());
        assertEquals(List.of("ALICE", "BOB"), response.parsedInputRecords().stream().map(r -> r.get(1)).toList());
    }

    private void start(String position) {
        analytics.startApplication(r -> r.applicationName("app").inputConfigurations(c -> c.id("1.1")
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition(position))));
        Await.until(TIMEOUT, () -> analytics.describeApplication(r -> r.applicationName("app")).applicationDetail()
                .applicationStatus() == ApplicationStatus.RUNNING, () -> "not RUNNING");
    }

    private void put(int id, String username, String amount) {
        String data = transaction(id, username, amount);
        sequenceById.put(id, kinesis.putRecord(r -> r.streamName("Transactions").partitionKey("k" + id)
                .data(SdkBytes.fromString(data, StandardCharsets.UTF_8))).sequenceNumber());
    }

    private static String transaction(int id, String username, String amount) {
        return "{\"ID\":" + id + ",\"USERNAME\":\"" + username + "\",\"AMOUNT\":" + amount + "}";
    }

    private static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<Record> inputRecords() {
        StreamContents input = new StreamContents(kinesis, "Transactions");
        input.refresh();
        return input.records();
    }

    /** The ApproximateArrivalTimestamp of each input record, by ID, as the output renders a TIMESTAMP. */
    private Map<Integer, String> inputArrivals() {
        Map<Integer, String> arrivals = new LinkedHashMap<>();
        for (Record record : inputRecords()) {
            int id = Integer.parseInt(record.data().asUtf8String().replaceAll("^\\{\"ID\":(\\d+),.*$", "$1"));
            arrivals.put(id, TIMESTAMP.format(record.approximateArrivalTimestamp()));
        }
        return arrivals;
    }

    private static String row(int id, String username, String amount, Map<Integer, String> arrival) {
        return id + " " + username + " " + new BigDecimal(amount) + " " + arrival.get(id);
    }

    private static List<String> rows(StreamContents contents) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : contents.json()) {
            rows.add(row.get("ID").asInt() + " " + row.get("USERNAME").asText() + " "
                    + new BigDecimal(row.get("AMOUNT").asText()).setScale(2) + " " + row.get("ARRIVED").asText());
        }
        return rows;
    }

    private List<String> logLines() {
        try {
            return logs.filterLogEventsPaginator(f -> f.logGroupName("/aws/lambda/preprocess")).events().stream()
                    .map(FilteredLogEvent::message).map(String::trim)
                    .filter(m -> m.startsWith("invocation ") || m.startsWith("record ")).toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
            return List.of();
        }
    }

    private static Output output(String name, String stream) {
        return AnalyticsControlPlaneIT.kinesisOutput(Output.builder(), name, ARN + stream).build();
    }
}

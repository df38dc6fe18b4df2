package io.github.kinesisfanout.operations.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.operations.ApplicationOutput;
import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.Polling;
import io.github.kinesisfanout.operations.ProgressListener;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The routing check against an in-process local cloud with the real SDK: the test plays the SQL
 * application by writing the output rows into the output streams itself, so the reader and the
 * comparison are checked on their own.
 */
class VerifyFanoutOperationIT {

    private static final Path SQL = Path.of("../sample-project/src/main/sql/application.sql");
    private static final Path SCHEMA = Path.of("../sample-project/src/main/schema/input-schema.json");
    private static final AtomicInteger STREAMS = new AtomicInteger();

    private static LocalCloud cloud;
    private static AwsClientFactory clients;
    private static KinesisClient kinesis;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCloud() {
        cloud = LocalCloud.builder().port(0).build().start();
        clients = new AwsClientFactory(ClientSettings.local(cloud.endpoint()));
        kinesis = clients.kinesis();
    }

    @AfterAll
    static void stopCloud() {
        kinesis.close();
        cloud.close();
    }

    @Test
    void passesWhenEveryRowReachedItsStream() throws IOException {
        List<String> records = transactions(60, 7);
        Path manifest = manifest(records);
        String positive = stream();
        String negative = stream();
        String errors = stream();
        // Trailing zeros dropped as a JSON writer may: 12.30 must still equal the expected 12.3.
        write(positive, routed(records, true, false));
        write(negative, routed(records, false, false));

        FanoutReport report = new VerifyFanoutOperation(clients, ProgressListener.NONE).run(settings(manifest,
                List.of(spec("POSITIVE_TRANSACTIONS", positive), spec("NEGATIVE_TRANSACTIONS", negative),
                        new ApplicationOutput("error_stream", errors, null, null)), Duration.ofSeconds(3)));

        int expectedPositive = (int) records.stream().filter(r -> amount(r).signum() >= 0).count();
        assertTrue(report.passed(), report.summary() + "\n" + report.problems());
        assertEquals(List.of(expectedPositive, records.size() - expectedPositive, 0),
                report.outputs().stream().map(OutputResult::matched).toList());
        String prefix = "put 60 records -> POSITIVE_TRANSACTIONS " + expectedPositive + "/" + expectedPositive
                + ", NEGATIVE_TRANSACTIONS " + (60 - expectedPositive) + "/" + (60 - expectedPositive) + ", error_stream 0;";
        assertTrue(report.summary().startsWith(prefix), report.summary());
        assertTrue(report.summary().matches(".*; p99 put->output \\d+ ms"), report.summary());
        assertTrue(report.outputs().get(0).p50Millis() >= 0);
        assertTrue(FanoutReportFile.read(dir.resolve("report.json")).passed());
    }

    @Test
    void failsNamingTheMissingAndTheMisroutedRows() throws IOException {
        List<String> records = transactions(20, 11);
        Path manifest = manifest(records);
        String positive = stream();
        String negative = stream();
        List<String> positiveRows = new ArrayList<>(routed(records, true, true));
        String dropped = positiveRows.remove(0);
        positiveRows.add(positiveRows.get(0)); // delivered twice: reported, not failed
        List<String> negativeRows = routed(records, false, true);
        positiveRows.add(negativeRows.get(0)); // a negative amount in the positive stream
        write(positive, positiveRows);
        write(negative, negativeRows);

        FanoutReport report = new VerifyFanoutOperation(clients, ProgressListener.NONE).run(settings(manifest,
                List.of(spec("POSITIVE_TRANSACTIONS", positive), spec("NEGATIVE_TRANSACTIONS", negative)),
                Duration.ofSeconds(2)));

        assertFalse(report.passed());
        OutputResult result = report.outputs().get(0);
        assertEquals(1, result.missing());
        assertEquals(1, result.unexpected());
        assertEquals(1, result.duplicated());
        assertEquals(Rows.json(dropped).get("ID").asInt(), result.firstMissing().get(0).get("ID").asInt());
        assertEquals(Rows.json(negativeRows.get(0)).get("ID").asInt(), result.firstUnexpected().get(0).get("ID").asInt());
        assertTrue(report.outputs().get(1).routedCorrectly());
        assertFalse(FanoutReportFile.read(dir.resolve("report.json")).passed());
    }

    @Test
    void measuresLatencyFromTheInputArrivalWhenTheInputStreamIsGiven() throws IOException {
        List<String> records = transactions(30, 5);
        String input = stream();
        List<PutRecordsResultEntry> put = write(input, records);
        // Put times an hour off, as a build machine's clock can be: the input stream's arrival times replace them.
        long anHourAgo = System.currentTimeMillis() - 3_600_000;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < records.size(); i++) {
            lines.append(manifestLine(records.get(i), put.get(i).shardId(), put.get(i).sequenceNumber(), anHourAgo));
        }
        Path manifest = Files.writeString(dir.resolve("manifest.jsonl"), lines);
        String positive = stream();
        String negative = stream();
        write(positive, routed(records, true, true));
        write(negative, routed(records, false, true));

        FanoutReport report = new VerifyFanoutOperation(clients, ProgressListener.NONE).run(new VerifySettings(
                manifest, SQL, SCHEMA, "SOURCE_SQL_STREAM", 1, input,
                List.of(spec("POSITIVE_TRANSACTIONS", positive), spec("NEGATIVE_TRANSACTIONS", negative)), false,
                Duration.ofSeconds(10), Duration.ofMillis(20), dir.resolve("report.json")));

        assertTrue(report.passed(), report.summary() + "\n" + report.problems());
        for (OutputResult output : report.outputs()) {
            for (long latency : output.latenciesMillis()) {
                assertTrue(latency >= 0 && latency < 3_600_000, output.name() + " latency " + latency);
            }
        }
    }

    @Test
    void aCsvOutputIsRefusedBeforeAnythingIsRead() throws IOException {
        Path manifest = manifest(transactions(3, 1));
        FanoutException e = assertThrows(FanoutException.class, () -> new VerifyFanoutOperation(clients,
                ProgressListener.NONE).run(settings(manifest, List.of(spec("POSITIVE_TRANSACTIONS", "Positive"),
                        new ApplicationOutput("NEGATIVE_TRANSACTIONS", "Negative", "CSV", null)), Duration.ofSeconds(1))));
        assertEquals("Output NEGATIVE_TRANSACTIONS is written as CSV: verify-fanout reads JSON outputs; checking a CSV"
                + " output is not supported yet", e.getMessage());
    }

    @Test
    void errorStreamIsComparedWithoutItsTimeColumns() {
        assertEquals(Set.of("ERROR_TIME", "DATA_ROWTIME", "ERROR_NAME"), VerifyFanoutOperation.ignoredColumns(
                new ApplicationOutput("error_stream", "Errors", null, null, null, List.of("ERROR_NAME"))));
        assertEquals(Set.of(), VerifyFanoutOperation.ignoredColumns(spec("POSITIVE_TRANSACTIONS", "Positive")));
    }

    @Test
    void countsEachConsumersLogLines() throws IOException {
        List<String> records = transactions(12, 3);
        Path manifest = manifest(records);
        String positive = stream();
        String negative = stream();
        List<String> positiveRows = routed(records, true, true);
        List<String> negativeRows = routed(records, false, true);
        write(positive, positiveRows);
        write(negative, negativeRows);
        try (CloudWatchLogsClient logs = clients.client(CloudWatchLogsClient.builder())) {
            log(logs, "positive-fn", positiveRows.stream().map(r -> "POSITIVE_TRANSACTIONS ID=" + Rows.json(r).get("ID")).toList());
            // One record short, and a line of another kind that must not count.
            List<String> negativeLines = new ArrayList<>(negativeRows.stream().skip(1)
                    .map(r -> "NEGATIVE_TRANSACTIONS ID=" + Rows.json(r).get("ID")).toList());
            negativeLines.add("START RequestId: 1 Version: $LATEST");
            log(logs, "negative-fn", negativeLines);
        }

        FanoutReport report = new VerifyFanoutOperation(clients, ProgressListener.NONE).run(new VerifySettings(
                manifest, SQL, SCHEMA, "SOURCE_SQL_STREAM", 1, null,
                List.of(new ApplicationOutput("POSITIVE_TRANSACTIONS", positive, null, "positive-fn"),
                        new ApplicationOutput("NEGATIVE_TRANSACTIONS", negative, null, "negative-fn")), true,
                Duration.ofSeconds(2), Duration.ofMillis(20), dir.resolve("report.json")));

        assertEquals(positiveRows.size(), report.outputs().get(0).logged());
        assertEquals(negativeRows.size() - 1, report.outputs().get(1).logged());
        assertFalse(report.passed());
        assertTrue(report.summary().contains("; consumers logged " + (records.size() - 1) + " of " + records.size() + ";"),
                report.summary());
        assertEquals(List.of("NEGATIVE_TRANSACTIONS (stream " + negative + "): its consumer logged "
                + (negativeRows.size() - 1) + " of " + negativeRows.size() + " rows"), report.problems());
    }

    private static void log(CloudWatchLogsClient logs, String function, List<String> messages) {
        String group = "/aws/lambda/" + function;
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("2026/01/01/[$LATEST]1"));
        long now = System.currentTimeMillis();
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("2026/01/01/[$LATEST]1")
                .logEvents(messages.stream().map(m -> InputLogEvent.builder().timestamp(now).message(m).build()).toList()));
    }

    private VerifySettings settings(Path manifest, List<ApplicationOutput> outputs, Duration timeout) {
        return new VerifySettings(manifest, SQL, SCHEMA, "SOURCE_SQL_STREAM", 1, null, outputs, false, timeout,
                Duration.ofMillis(20), dir.resolve("report.json"));
    }

    private static ApplicationOutput spec(String name, String stream) {
        return new ApplicationOutput(name, stream, null, null);
    }

    /** The reference scenario's records: {"ID":n,"USERNAME":"...","AMOUNT":-999.99..999.99}. */
    private static List<String> transactions(int count, long seed) {
        Random random = new Random(seed);
        List<String> records = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(199_999) - 99_999, 2);
            records.add("{\"ID\":" + id + ",\"USERNAME\":\"user" + random.nextInt(5) + "\",\"AMOUNT\":"
                    + amount.toPlainString() + "}");
        }
        return records;
    }

    /** The rows one route should receive, as output records; numbers rewritten without trailing zeros. */
    private static List<String> routed(List<String> records, boolean positive, boolean keepText) {
        return records.stream()
                .filter(r -> (amount(r).signum() >= 0) == positive)
                .map(r -> keepText ? r : r.replace("\"AMOUNT\":" + amount(r).toPlainString(),
                        "\"AMOUNT\":" + amount(r).stripTrailingZeros().toPlainString()))
                .toList();
    }

    private static BigDecimal amount(String record) {
        return Rows.json(record).get("AMOUNT").decimalValue();
    }

    private Path manifest(List<String> records) throws IOException {
        StringBuilder lines = new StringBuilder();
        // Put times in the past, as the records were put before the outputs were written.
        long putTime = System.currentTimeMillis() - 10_000;
        for (int i = 0; i < records.size(); i++) {
            lines.append(manifestLine(records.get(i), "shardId-000000000000", String.valueOf(i), putTime + i));
        }
        return Files.writeString(dir.resolve("manifest.jsonl"), lines);
    }

    private static String manifestLine(String record, String shardId, String sequenceNumber, long putTime) {
        return "{\"data\":" + TextNode.valueOf(record) + ",\"partitionKey\":\"k\",\"shardId\":\"" + shardId
                + "\",\"sequenceNumber\":\"" + sequenceNumber + "\",\"putTimestamp\":" + putTime + "}\n";
    }

    private static String stream() {
        String name = "Output" + STREAMS.incrementAndGet();
        kinesis.createStream(b -> b.streamName(name).shardCount(1));
        new Polling(Duration.ofSeconds(10), Duration.ofMillis(5), ProgressListener.NONE).until("stream " + name,
                () -> kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus(),
                StreamStatus.ACTIVE::equals);
        return name;
    }

    private static List<PutRecordsResultEntry> write(String stream, List<String> rows) {
        List<PutRecordsRequestEntry> entries = rows.stream().map(row -> PutRecordsRequestEntry.builder()
                .data(SdkBytes.fromUtf8String(row)).partitionKey("pk").build()).toList();
        if (entries.isEmpty()) {
            return List.of();
        }
        PutRecordsResponse response = kinesis.putRecords(b -> b.streamName(stream).records(entries));
        assertEquals(0, response.failedRecordCount());
        return response.records();
    }
}

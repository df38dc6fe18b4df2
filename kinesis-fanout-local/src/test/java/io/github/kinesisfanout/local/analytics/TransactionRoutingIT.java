package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.Await;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalytics.model.Output;

/**
 * The reference fan-out end to end: real SDK clients put transactions into a multi-shard input,
 * the application routes them, and the output streams hold each one exactly once, in key order.
 */
class TransactionRoutingIT extends LocalCloudFixture {

    private static final String ACCOUNT_ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Map<Integer, BigDecimal> sent = new HashMap<>();
    private final Random random = new Random(7);

    @BeforeEach
    void createStreamsAndApplication() {
        kinesis.createStream(r -> r.streamName("Transactions").shardCount(4));
        for (String stream : List.of("PositiveTransactions", "NegativeTransactions", "Errors")) {
            kinesis.createStream(r -> r.streamName(stream).shardCount(1));
        }
        analytics.createApplication(r -> r.applicationName("fanout").applicationCode(TransactionApp.SQL)
                .inputs(TransactionApp.input(ACCOUNT_ARN + "Transactions", 1))
                .outputs(output("POSITIVE_TRANSACTIONS", "PositiveTransactions"),
                        output("NEGATIVE_TRANSACTIONS", "NegativeTransactions"),
                        output("error_stream", "Errors")));
    }

    private static Output output(String name, String stream) {
        return AnalyticsControlPlaneIT.kinesisOutput(Output.builder(), name, ACCOUNT_ARN + stream).build();
    }

    private void startApp(String position) {
        analytics.startApplication(r -> r.applicationName("fanout").inputConfigurations(c -> c.id("1.1")
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition(position))));
        Await.until(TIMEOUT, () -> status() == ApplicationStatus.RUNNING, () -> "status " + status());
    }

    private void stopApp() {
        analytics.stopApplication(r -> r.applicationName("fanout"));
        Await.until(TIMEOUT, () -> status() == ApplicationStatus.READY, () -> "status " + status());
    }

    private ApplicationStatus status() {
        return analytics.describeApplication(r -> r.applicationName("fanout")).applicationDetail().applicationStatus();
    }

    /** Puts transactions {@code from..to-1} in PutRecords batches of 500, keyed by user. */
    private void putTransactions(int from, int to) {
        List<PutRecordsRequestEntry> batch = new ArrayList<>();
        for (int id = from; id < to; id++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(199_999) - 99_999, 2);
            sent.put(id, amount);
            String json = "{\"ID\":" + id + ",\"USERNAME\":\"user" + (id % 37) + "\",\"AMOUNT\":" + amount + "}";
            batch.add(PutRecordsRequestEntry.builder().partitionKey("user" + (id % 37))
                    .data(SdkBytes.fromString(json, StandardCharsets.UTF_8)).build());
            if (batch.size() == 500 || id == to - 1) {
                List<PutRecordsRequestEntry> entries = List.copyOf(batch);
                assertEquals(0, kinesis.putRecords(r -> r.streamName("Transactions").records(entries)).failedRecordCount());
                batch.clear();
            }
        }
    }

    private void awaitRouted(StreamContents positive, StreamContents negative, int total) {
        Await.until(TIMEOUT, () -> positive.refresh() + negative.refresh() >= total,
                () -> positive.records().size() + " + " + negative.records().size() + " of " + total + " routed");
    }

    /** Every sent transaction exactly once, on the side of its sign, in order per user. */
    private void assertRouted(StreamContents positive, StreamContents negative) {
        Set<Integer> seen = new HashSet<>();
        long expectedPositive = sent.values().stream().filter(a -> a.signum() >= 0).count();
        assertEquals(expectedPositive, positive.records().size());
        assertEquals(sent.size() - expectedPositive, negative.records().size());
        for (StreamContents side : List.of(positive, negative)) {
            Map<String, Integer> lastIdPerUser = new HashMap<>();
            for (JsonNode row : side.json()) {
                int id = row.get("ID").asInt();
                assertTrue(seen.add(id), "duplicate " + row);
                BigDecimal amount = row.get("AMOUNT").decimalValue();
                assertEquals(0, sent.get(id).compareTo(amount), row.toString());
                assertEquals(side == positive, amount.signum() >= 0, row.toString());
                assertEquals("user" + (id % 37), row.get("USERNAME").asText());
                Integer previous = lastIdPerUser.put(row.get("USERNAME").asText(), id);
                assertTrue(previous == null || previous < id, "out of order for " + row + " after " + previous);
            }
        }
        assertEquals(sent.keySet(), seen);
    }

    @Test
    void tenThousandTransactionsAreRoutedBySignExactlyOnceInKeyOrder() {
        startApp("NOW");
        putTransactions(0, 10_000);
        StreamContents positive = new StreamContents(kinesis, "PositiveTransactions");
        StreamContents negative = new StreamContents(kinesis, "NegativeTransactions");
        awaitRouted(positive, negative, 10_000);
        assertRouted(positive, negative);
        assertEquals(0, new StreamContents(kinesis, "Errors").refresh());
        assertEquals("NOW", analytics.describeApplication(r -> r.applicationName("fanout")).applicationDetail()
                .inputDescriptions().get(0).inputStartingPositionConfiguration().inputStartingPositionAsString());
    }

    @Test
    void aStopAndAStartFromTheLastStoppedPointLoseAndRepeatNothing() {
        putTransactions(0, 1_000);
        startApp("TRIM_HORIZON");
        StreamContents positive = new StreamContents(kinesis, "PositiveTransactions");
        StreamContents negative = new StreamContents(kinesis, "NegativeTransactions");
        putTransactions(1_000, 2_000);
        awaitRouted(positive, negative, 2_000);
        stopApp();
        putTransactions(2_000, 3_000);
        startApp("LAST_STOPPED_POINT");
        putTransactions(3_000, 4_000);
        awaitRouted(positive, negative, 4_000);
        stopApp();
        assertEquals(4_000, positive.refresh() + negative.refresh());
        assertRouted(positive, negative);
    }

    @Test
    void malformedRecordsGoToTheErrorStreamOutputWhileTheRestFlows() {
        startApp("NOW");
        putTransactions(0, 500);
        List<String> malformed = List.of("not json at all", "{\"ID\":\"abc\",\"USERNAME\":\"x\",\"AMOUNT\":1}",
                "{\"ID\":1,\"USERNAME\":\"x\",\"AMOUNT\":\"lots\"}");
        for (String record : malformed) {
            kinesis.putRecord(r -> r.streamName("Transactions").partitionKey("bad")
                    .data(SdkBytes.fromString(record, StandardCharsets.UTF_8)));
        }
        putTransactions(500, 1_000);
        StreamContents positive = new StreamContents(kinesis, "PositiveTransactions");
        StreamContents negative = new StreamContents(kinesis, "NegativeTransactions");
        StreamContents errors = new StreamContents(kinesis, "Errors");
        awaitRouted(positive, negative, 1_000);
        Await.until(TIMEOUT, () -> errors.refresh() >= malformed.size(), () -> errors.records().size() + " error rows");
        assertRouted(positive, negative);
        assertEquals(malformed.size(), errors.records().size());
        for (JsonNode error : errors.json()) {
            assertTrue(error.has("ERROR_NAME") && error.has("DATA_ROW") && error.has("MESSAGE"), error.toString());
        }
    }
}

package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.Input;
import software.amazon.awssdk.services.kinesisanalytics.model.InputDescription;
import software.amazon.awssdk.services.kinesisanalytics.model.InvalidApplicationConfigurationException;
import software.amazon.awssdk.services.kinesisanalytics.model.InvalidArgumentException;
import software.amazon.awssdk.services.s3.S3Client;

/** KinesisFirehoseInput: records put into a DirectPut delivery stream reach the application as well as S3. */
class FirehoseInputIT extends LocalCloudFixture {

    private static final String STREAMS = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    private static final String DELIVERY_STREAMS = FirehoseOutputIT.DELIVERY_STREAMS;

    private FirehoseClient firehose;
    private S3Client s3;

    @BeforeEach
    void clients() {
        firehose = SdkClients.client(FirehoseClient.builder(), cloud.endpoint());
        s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint());
        s3.createBucket(b -> b.bucket("landing"));
    }

    @AfterEach
    void closeClients() {
        firehose.close();
        s3.close();
    }

    static Input firehoseInput(String deliveryStreamArn) {
        return Input.builder().namePrefix("SOURCE_SQL_STREAM")
                .kinesisFirehoseInput(f -> f.resourceARN(deliveryStreamArn).roleARN(AnalyticsControlPlaneIT.ROLE))
                .inputSchema(TransactionApp.schema()).build();
    }

    @Test
    void recordsPutIntoTheDeliveryStreamReachTheOutputWhileTheApplicationRuns() {
        FirehoseOutputIT.createDirectPut(firehose, "transactions", "raw/");
        kinesis.createStream(r -> r.streamName("Out").shardCount(1));
        analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                .inputs(firehoseInput(DELIVERY_STREAMS + "transactions"))
                .outputs(o -> AnalyticsControlPlaneIT.kinesisOutput(o, "POSITIVE_TRANSACTIONS", STREAMS + "Out")));
        InputDescription input = analytics.describeApplication(r -> r.applicationName("app")).applicationDetail()
                .inputDescriptions().get(0);
        assertEquals(DELIVERY_STREAMS + "transactions", input.kinesisFirehoseInputDescription().resourceARN());
        assertEquals(AnalyticsControlPlaneIT.ROLE, input.kinesisFirehoseInputDescription().roleARN());
        assertNull(input.kinesisStreamsInputDescription());
        start("NOW");
        // 0..29: AMOUNT is -ID when ID is a multiple of 3, so 0 and the 20 others are positive.
        put(0, 30);
        firehose.putRecord(r -> r.deliveryStreamName("transactions").record(Record.builder()
                .data(SdkBytes.fromString(row(31, 31), StandardCharsets.UTF_8)).build()));
        Set<Integer> expected = new TreeSet<>(List.of(0, 1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25,
                26, 28, 29, 31));
        StreamContents out = new StreamContents(kinesis, "Out");
        Await.until(Duration.ofSeconds(60), () -> out.refresh() >= expected.size(), () -> ids(out.json()).toString());
        assertEquals(expected, ids(out.json()));
        assertEquals(expected.size(), out.json().size());
        // The delivery stream still writes every record to S3.
        // Compared line by line, sorted: objects written in one second are listed in their keys' random order.
        List<String> wanted = (allRows(0, 30) + row(31, 31)).lines().sorted().toList();
        Await.until(Duration.ofSeconds(30), () -> s3Lines("raw/").equals(wanted), () -> s3Lines("raw/").toString());

        analytics.stopApplication(r -> r.applicationName("app"));
        Await.until(Duration.ofSeconds(30), () -> "READY".equals(status()), this::status);
        // Put while stopped: a delivery stream has nothing to replay, so LAST_STOPPED_POINT does not see them.
        put(100, 110);
        start("LAST_STOPPED_POINT");
        Await.until(Duration.ofSeconds(30), () -> "RUNNING".equals(status()), this::status);
        put(200, 210);
        // Positive ids of 200..209: all but 201, 204 and 207.
        Set<Integer> after = Set.of(200, 202, 203, 205, 206, 208, 209);
        Await.until(Duration.ofSeconds(60), () -> out.refresh() >= 0 && ids(out.json()).containsAll(after),
                () -> ids(out.json()).toString());
        Set<Integer> all = new TreeSet<>(expected);
        all.addAll(after);
        assertEquals(all, ids(out.json()));
        assertEquals(all.size(), out.json().size());
    }

    @Test
    void aFirehoseInputRefusesTrimHorizonAndNeedsADirectPutDeliveryStream() {
        var kinesisArn = assertThrows(InvalidArgumentException.class, () -> analytics.createApplication(r -> r
                .applicationName("bad").inputs(firehoseInput(STREAMS + "Transactions"))));
        assertTrue(kinesisArn.getMessage().contains("inputs.1.kinesisFirehoseInput.resourceARN"), kinesisArn.getMessage());
        analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                .inputs(firehoseInput(DELIVERY_STREAMS + "missing")));
        var trimHorizon = assertThrows(InvalidArgumentException.class, () -> start("TRIM_HORIZON"));
        assertTrue(trimHorizon.getMessage().contains("TRIM_HORIZON"), trimHorizon.getMessage());
        var missing = assertThrows(InvalidApplicationConfigurationException.class, () -> start("NOW"));
        assertTrue(missing.getMessage().contains("Input 1.1")
                && missing.getMessage().contains("ResourceNotFoundException"), missing.getMessage());
        assertEquals("READY", status());

        // An input can move from a Kinesis stream to a delivery stream and back.
        kinesis.createStream(r -> r.streamName("Transactions").shardCount(1));
        analytics.updateApplication(r -> r.applicationName("app").currentApplicationVersionId(1L)
                .applicationUpdate(u -> u.inputUpdates(i -> i.inputId("1.1").kinesisStreamsInputUpdate(k -> k
                        .resourceARNUpdate(STREAMS + "Transactions")))));
        InputDescription streams = analytics.describeApplication(r -> r.applicationName("app")).applicationDetail()
                .inputDescriptions().get(0);
        assertEquals(STREAMS + "Transactions", streams.kinesisStreamsInputDescription().resourceARN());
        assertNull(streams.kinesisFirehoseInputDescription());
        var wrongKind = assertThrows(InvalidArgumentException.class, () -> analytics.updateApplication(r -> r
                .applicationName("app").currentApplicationVersionId(2L).applicationUpdate(u -> u.inputUpdates(i -> i
                        .inputId("1.1").kinesisFirehoseInputUpdate(f -> f.roleARNUpdate(AnalyticsControlPlaneIT.ROLE))))));
        assertTrue(wrongKind.getMessage().contains("kinesisFirehoseInputUpdate.resourceARNUpdate"), wrongKind.getMessage());
        analytics.updateApplication(r -> r.applicationName("app").currentApplicationVersionId(2L)
                .applicationUpdate(u -> u.inputUpdates(i -> i.inputId("1.1").kinesisFirehoseInputUpdate(f -> f
                        .resourceARNUpdate(DELIVERY_STREAMS + "missing")))));
        assertEquals(DELIVERY_STREAMS + "missing", analytics.describeApplication(r -> r.applicationName("app"))
                .applicationDetail().inputDescriptions().get(0).kinesisFirehoseInputDescription().resourceARN());
    }

    @Test
    void aRunningApplicationReadsItsDeliveryStreamAgainAfterARestart(@TempDir Path dir) {
        try (LocalCloud first = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisAnalyticsClient analytics = AnalyticsClients.analytics(first.endpoint());
                KinesisClient kinesis = AnalyticsClients.kinesis(first.endpoint());
                FirehoseClient firehose = SdkClients.client(FirehoseClient.builder(), first.endpoint());
                S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), first.endpoint())) {
            s3.createBucket(b -> b.bucket("landing"));
            FirehoseOutputIT.createDirectPut(firehose, "transactions", "raw/");
            kinesis.createStream(r -> r.streamName("Out").shardCount(1));
            analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                    .inputs(firehoseInput(DELIVERY_STREAMS + "transactions"))
                    .outputs(o -> AnalyticsControlPlaneIT.kinesisOutput(o, "POSITIVE_TRANSACTIONS", STREAMS + "Out")));
            analytics.startApplication(r -> r.applicationName("app").inputConfigurations(c -> c.id("1.1")
                    .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
            put(firehose, 1, 3);
            StreamContents out = new StreamContents(kinesis, "Out");
            Await.until(Duration.ofSeconds(60), () -> out.refresh() >= 2, () -> ids(out.json()).toString());
        }
        try (LocalCloud second = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisAnalyticsClient analytics = AnalyticsClients.analytics(second.endpoint());
                KinesisClient kinesis = AnalyticsClients.kinesis(second.endpoint());
                FirehoseClient firehose = SdkClients.client(FirehoseClient.builder(), second.endpoint())) {
            assertEquals("RUNNING", analytics.describeApplication(r -> r.applicationName("app")).applicationDetail()
                    .applicationStatusAsString());
            put(firehose, 4, 6);
            StreamContents out = new StreamContents(kinesis, "Out");
            Await.until(Duration.ofSeconds(60), () -> out.refresh() >= 4, () -> ids(out.json()).toString());
            assertEquals(Set.of(1, 2, 4, 5), ids(out.json()));
        }
    }

    private void start(String position) {
        analytics.startApplication(r -> r.applicationName("app").inputConfigurations(c -> c.id("1.1")
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition(position))));
    }

    private String status() {
        return analytics.describeApplication(r -> r.applicationName("app")).applicationDetail().applicationStatusAsString();
    }

    private static String row(int id, int amount) {
        return "{\"ID\":" + id + ",\"USERNAME\":\"u\",\"AMOUNT\":" + amount + "}";
    }

    private static int amount(int id) {
        return id % 3 == 0 ? -id : id;
    }

    private static String allRows(int from, int to) {
        StringBuilder rows = new StringBuilder();
        for (int id = from; id < to; id++) {
            rows.append(row(id, amount(id)));
        }
        return rows.toString();
    }

    private void put(int from, int to) {
        put(firehose, from, to);
    }

    private static void put(FirehoseClient firehose, int from, int to) {
        List<Record> records = new ArrayList<>();
        for (int id = from; id < to; id++) {
            records.add(Record.builder().data(SdkBytes.fromString(row(id, amount(id)), StandardCharsets.UTF_8)).build());
        }
        assertEquals(0, firehose.putRecordBatch(r -> r.deliveryStreamName("transactions").records(records))
                .failedPutCount());
    }

    /** Every line of the objects under a prefix, sorted. */
    private List<String> s3Lines(String prefix) {
        return s3.listObjectsV2(l -> l.bucket("landing").prefix(prefix)).contents().stream()
                .flatMap(o -> s3.getObjectAsBytes(g -> g.bucket("landing").key(o.key())).asUtf8String().lines())
                .sorted().toList();
    }

    private static Set<Integer> ids(List<JsonNode> rows) {
        Set<Integer> ids = new TreeSet<>();
        rows.forEach(row -> ids.add(row.get("ID").asInt()));
        return ids;
    }
}

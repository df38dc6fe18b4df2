package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.SdkClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesisanalytics.model.InvalidApplicationConfigurationException;
import software.amazon.awssdk.services.kinesisanalytics.model.OutputDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** KinesisFirehoseOutput: an application's rows reach S3 through a DirectPut delivery stream of the local Firehose. */
class FirehoseOutputIT extends LocalCloudFixture {

    private static final String STREAMS = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    static final String DELIVERY_STREAMS = "arn:aws:firehose:us-east-1:000000000000:deliverystream/";
    static final String FIREHOSE_ROLE = "arn:aws:iam::000000000000:role/firehose";

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

    static void createDirectPut(FirehoseClient firehose, String name, String prefix) {
        firehose.createDeliveryStream(c -> c.deliveryStreamName(name).deliveryStreamType("DirectPut")
                .extendedS3DestinationConfiguration(d -> d.roleARN(FIREHOSE_ROLE).bucketARN("arn:aws:s3:::landing")
                        .prefix(prefix).bufferingHints(h -> h.sizeInMBs(1).intervalInSeconds(1))));
    }

    @Test
    void rowsOfTheOutputStreamReachS3ThroughTheDeliveryStream() {
        createDirectPut(firehose, "positives", "rows/");
        kinesis.createStream(r -> r.streamName("Transactions").shardCount(1));
        analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                .inputs(TransactionApp.input(STREAMS + "Transactions", 1))
                .outputs(o -> o.name("POSITIVE_TRANSACTIONS").kinesisFirehoseOutput(f -> f
                        .resourceARN(DELIVERY_STREAMS + "positives").roleARN(AnalyticsControlPlaneIT.ROLE))
                        .destinationSchema(d -> d.recordFormatType("JSON"))));
        OutputDescription described = analytics.describeApplication(r -> r.applicationName("app")).applicationDetail()
                .outputDescriptions().get(0);
        assertEquals(DELIVERY_STREAMS + "positives", described.kinesisFirehoseOutputDescription().resourceARN());
        assertEquals(AnalyticsControlPlaneIT.ROLE, described.kinesisFirehoseOutputDescription().roleARN());
        assertNull(described.kinesisStreamsOutputDescription());
        analytics.startApplication(r -> r.applicationName("app").inputConfigurations(c -> c.id("1.1")
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
        Set<Integer> positive = new TreeSet<>();
        for (int id = 0; id < 30; id++) {
            int amount = id % 3 == 0 ? -id : id;
            if (amount >= 0) {
                positive.add(id);
            }
            String json = "{\"ID\":" + id + ",\"USERNAME\":\"u" + id + "\",\"AMOUNT\":" + amount + "}";
            kinesis.putRecord(r -> r.streamName("Transactions").partitionKey("k")
                    .data(SdkBytes.fromString(json, StandardCharsets.UTF_8)));
        }
        // 0 and the ids not divisible by 3: 21 rows.
        assertEquals(21, positive.size());
        Await.until(Duration.ofSeconds(60), () -> rows("rows/").size() >= 21, () -> rows("rows/").toString());
        List<JsonNode> rows = rows("rows/");
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode row : rows) {
            ids.add(row.get("ID").asInt());
            assertEquals("u" + row.get("ID").asInt(), row.get("USERNAME").asText());
        }
        assertEquals(positive, ids);
        assertEquals(21, rows.size());
        for (S3Object object : s3.listObjectsV2(l -> l.bucket("landing").prefix("rows/")).contents()) {
            // Firehose's default key: prefix, yyyy/MM/dd/HH/, name-version-time-uuid.
            assertTrue(object.key().matches("rows/\\d{4}/\\d{2}/\\d{2}/\\d{2}/positives-1-.*"), object.key());
        }
    }

    @Test
    void startingNeedsAnExistingDirectPutDeliveryStream() {
        kinesis.createStream(r -> r.streamName("Transactions").shardCount(1));
        kinesis.createStream(r -> r.streamName("Feed").shardCount(1));
        firehose.createDeliveryStream(c -> c.deliveryStreamName("fromFeed").deliveryStreamType("KinesisStreamAsSource")
                .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(STREAMS + "Feed").roleARN(FIREHOSE_ROLE))
                .extendedS3DestinationConfiguration(d -> d.roleARN(FIREHOSE_ROLE).bucketARN("arn:aws:s3:::landing")));
        analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                .inputs(TransactionApp.input(STREAMS + "Transactions", 1))
                .outputs(o -> o.name("POSITIVE_TRANSACTIONS").kinesisFirehoseOutput(f -> f
                        .resourceARN(DELIVERY_STREAMS + "missing").roleARN(AnalyticsControlPlaneIT.ROLE))
                        .destinationSchema(d -> d.recordFormatType("CSV"))));
        var missing = assertThrows(InvalidApplicationConfigurationException.class, () -> start("app"));
        assertTrue(missing.getMessage().contains("Output 1.1")
                && missing.getMessage().contains("ResourceNotFoundException"), missing.getMessage());

        long version = analytics.describeApplication(r -> r.applicationName("app")).applicationDetail().applicationVersionId();
        analytics.updateApplication(r -> r.applicationName("app").currentApplicationVersionId(version)
                .applicationUpdate(u -> u.outputUpdates(o -> o.outputId("1.1").kinesisFirehoseOutputUpdate(f -> f
                        .resourceARNUpdate(DELIVERY_STREAMS + "fromFeed")))));
        OutputDescription updated = analytics.describeApplication(r -> r.applicationName("app")).applicationDetail()
                .outputDescriptions().get(0);
        assertEquals(DELIVERY_STREAMS + "fromFeed", updated.kinesisFirehoseOutputDescription().resourceARN());
        assertEquals("CSV", updated.destinationSchema().recordFormatTypeAsString());
        var wrongType = assertThrows(InvalidApplicationConfigurationException.class, () -> start("app"));
        assertTrue(wrongType.getMessage().contains("Output 1.1")
                && wrongType.getMessage().contains("KinesisStreamAsSource"), wrongType.getMessage());
        assertEquals("READY", analytics.describeApplication(r -> r.applicationName("app")).applicationDetail()
                .applicationStatusAsString());
    }

    @Test
    void aKinesisOutputCanBeTurnedIntoAFirehoseOne() {
        analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                .outputs(o -> AnalyticsControlPlaneIT.kinesisOutput(o, "POSITIVE_TRANSACTIONS", STREAMS + "Out")));
        analytics.updateApplication(r -> r.applicationName("app").currentApplicationVersionId(1L)
                .applicationUpdate(u -> u.outputUpdates(o -> o.outputId("1.1").kinesisFirehoseOutputUpdate(f -> f
                        .resourceARNUpdate(DELIVERY_STREAMS + "d").roleARNUpdate(FIREHOSE_ROLE)))));
        OutputDescription updated = analytics.describeApplication(r -> r.applicationName("app")).applicationDetail()
                .outputDescriptions().get(0);
        assertNull(updated.kinesisStreamsOutputDescription());
        assertEquals(DELIVERY_STREAMS + "d", updated.kinesisFirehoseOutputDescription().resourceARN());
        assertEquals(FIREHOSE_ROLE, updated.kinesisFirehoseOutputDescription().roleARN());
    }

    private void start(String name) {
        analytics.startApplication(r -> r.applicationName(name).inputConfigurations(c -> c.id("1.1")
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
    }

    /** Every JSON row in the objects under the prefix (Firehose concatenates the records of an object). */
    private List<JsonNode> rows(String prefix) {
        List<JsonNode> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (S3Object object : s3.listObjectsV2(l -> l.bucket("landing").prefix(prefix)).contents()) {
            byte[] body = s3.getObjectAsBytes(g -> g.bucket("landing").key(object.key())).asByteArray();
            try (MappingIterator<JsonNode> values = json.readerFor(JsonNode.class).readValues(body)) {
                values.forEachRemaining(rows::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }
}

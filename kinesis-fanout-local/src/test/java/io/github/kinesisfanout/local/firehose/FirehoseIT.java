package io.github.kinesisfanout.local.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ResourceInUseException;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.firehose.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Amazon Data Firehose with the real SDK v2 client (JSON 1.1): DirectPut delivery streams writing to S3. */
class FirehoseIT {

    private static final String ROLE = "arn:aws:iam::000000000000:role/firehose";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);

    private LocalCloud cloud;
    private FirehoseClient firehose;
    private S3Client s3;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().build().start();
        firehose = SdkClients.client(FirehoseClient.builder(), cloud.endpoint());
        s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint());
        s3.createBucket(b -> b.bucket("landing"));
    }

    @AfterEach
    void stop() {
        firehose.close();
        s3.close();
        cloud.close();
    }

    private void create(String name, int sizeMb, int intervalSeconds) {
        firehose.createDeliveryStream(c -> c.deliveryStreamName(name).deliveryStreamType("DirectPut")
                .extendedS3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::landing")
                        .prefix("events/").errorOutputPrefix("errors/")
                        .bufferingHints(h -> h.sizeInMBs(sizeMb).intervalInSeconds(intervalSeconds))
                        .compressionFormat("UNCOMPRESSED")));
    }

    private List<S3Object> objects(String prefix) {
        return s3.listObjectsV2(l -> l.bucket("landing").prefix(prefix)).contents();
    }

    private byte[] body(String key) {
        return s3.getObjectAsBytes(g -> g.bucket("landing").key(key)).asByteArray();
    }

    @Test
    void directPutWritesOneObjectAfterTheInterval() throws Exception {
        create("orders", 5, 2);
        DeliveryStreamDescription described = firehose.describeDeliveryStream(d -> d.deliveryStreamName("orders"))
                .deliveryStreamDescription();
        assertEquals("ACTIVE", described.deliveryStreamStatusAsString());
        assertEquals("arn:aws:firehose:us-east-1:000000000000:deliverystream/orders", described.deliveryStreamARN());
        assertEquals("events/", described.destinations().get(0).extendedS3DestinationDescription().prefix());
        assertEquals(2, described.destinations().get(0).extendedS3DestinationDescription().bufferingHints()
                .intervalInSeconds());

        Instant before = Instant.now();
        firehose.putRecord(p -> p.deliveryStreamName("orders").record(r -> r.data(SdkBytes.fromUtf8String("a,1\n"))));
        PutRecordBatchResponse batch = firehose.putRecordBatch(p -> p.deliveryStreamName("orders").records(
                Record.builder().data(SdkBytes.fromUtf8String("b,2\n")).build(),
                Record.builder().data(SdkBytes.fromUtf8String("c,3\n")).build()));
        Instant after = Instant.now();
        assertEquals(0, batch.failedPutCount());
        assertEquals(2, batch.requestResponses().size());
        assertTrue(batch.requestResponses().stream().allMatch(r -> r.recordId() != null && r.errorCode() == null));
        assertTrue(objects("events/").isEmpty(), "nothing is written before the interval");

        List<S3Object> written = Await.until(Duration.ofSeconds(10), () -> objects("events/"), found -> !found.isEmpty(),
                found -> "no object under events/");
        assertEquals(1, written.size());
        String key = written.get(0).key();
        // prefix + yyyy/MM/dd/HH/ + name-version-yyyy-MM-dd-HH-mm-ss-uuid, the time being the first record's arrival
        Matcher m = Pattern.compile("events/(\\d{4}/\\d{2}/\\d{2}/\\d{2})/orders-1-"
                + "(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .matcher(key);
        assertTrue(m.matches(), key);
        Instant stamped = Instant.parse(m.group(2) + "-" + m.group(3) + "-" + m.group(4) + "T" + m.group(5) + ":"
                + m.group(6) + ":" + m.group(7) + "Z");
        assertFalse(stamped.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), key);
        assertFalse(stamped.isAfter(after), key);
        assertEquals(HOUR.format(stamped), m.group(1));
        assertEquals("a,1\nb,2\nc,3\n", new String(body(key), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void sizeHintWritesAtOnce() throws Exception {
        create("big", 1, 900);
        byte[] first = new byte[600 * 1024];
        byte[] second = new byte[600 * 1024];
        Arrays.fill(first, (byte) 'x');
        Arrays.fill(second, (byte) 'y');
        firehose.putRecord(p -> p.deliveryStreamName("big").record(r -> r.data(SdkBytes.fromByteArray(first))));
        assertTrue(objects("events/").isEmpty(), "600 KiB is under the 1 MiB hint");
        firehose.putRecord(p -> p.deliveryStreamName("big").record(r -> r.data(SdkBytes.fromByteArray(second))));
        List<S3Object> written = objects("events/");
        assertEquals(1, written.size(), "1200 KiB reached the 1 MiB hint");
        byte[] body = body(written.get(0).key());
        assertEquals(1200 * 1024, body.length);
        assertEquals('x', body[600 * 1024 - 1]);
        assertEquals('y', body[600 * 1024]);
    }

    @Test
    void listsTagsAndDeletes() {
        create("one", 5, 300);
        create("two", 5, 300);
        assertEquals(List.of("one", "two"), firehose.listDeliveryStreams(l -> l.limit(10)).deliveryStreamNames());
        var page = firehose.listDeliveryStreams(l -> l.limit(1));
        assertEquals(List.of("one"), page.deliveryStreamNames());
        assertTrue(page.hasMoreDeliveryStreams());
        assertEquals(List.of("two"), firehose.listDeliveryStreams(l -> l.exclusiveStartDeliveryStreamName("one"))
                .deliveryStreamNames());

        firehose.tagDeliveryStream(t -> t.deliveryStreamName("one").tags(Tag.builder().key("team").value("a").build(),
                Tag.builder().key("env").value("dev").build()));
        firehose.untagDeliveryStream(u -> u.deliveryStreamName("one").tagKeys("env"));
        assertEquals(List.of(Tag.builder().key("team").value("a").build()),
                firehose.listTagsForDeliveryStream(l -> l.deliveryStreamName("one")).tags());
        // 50 more would make 51: refused, and none of them is applied.
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertThrows(InvalidArgumentException.class, () -> firehose.tagDeliveryStream(t -> t
                .deliveryStreamName("one").tags(fifty)));
        assertEquals(List.of(Tag.builder().key("team").value("a").build()),
                firehose.listTagsForDeliveryStream(l -> l.deliveryStreamName("one")).tags());

        assertThrows(ResourceInUseException.class, () -> create("one", 5, 300));
        firehose.deleteDeliveryStream(d -> d.deliveryStreamName("one"));
        assertEquals(List.of("two"), firehose.listDeliveryStreams(l -> l.limit(10)).deliveryStreamNames());
        assertThrows(ResourceNotFoundException.class, () -> firehose.putRecord(p -> p.deliveryStreamName("one")
                .record(r -> r.data(SdkBytes.fromUtf8String("x")))));
    }

    @Test
    void refusesWhatIsNotSupportedOrInvalid() {
        InvalidArgumentException gzip = assertThrows(InvalidArgumentException.class, () -> firehose.createDeliveryStream(
                c -> c.deliveryStreamName("z").extendedS3DestinationConfiguration(d -> d.roleARN(ROLE)
                        .bucketARN("arn:aws:s3:::landing").compressionFormat("GZIP"))));
        assertTrue(gzip.getMessage().contains("ExtendedS3DestinationConfiguration.CompressionFormat GZIP is not"
                + " supported yet"), gzip.getMessage());
        InvalidArgumentException size = assertThrows(InvalidArgumentException.class, () -> create("z", 129, 60));
        assertTrue(size.getMessage().contains("Value '129' at 'ExtendedS3DestinationConfiguration.BufferingHints"
                + ".SizeInMBs' failed to satisfy constraint: Member must have value between 1 and 128"), size.getMessage());
        InvalidArgumentException noBucket = assertThrows(InvalidArgumentException.class, () -> firehose
                .createDeliveryStream(c -> c.deliveryStreamName("z").s3DestinationConfiguration(d -> d.roleARN(ROLE))));
        assertTrue(noBucket.getMessage().contains("Value null at 's3DestinationConfiguration.bucketARN'"),
                noBucket.getMessage());
        InvalidArgumentException http = assertThrows(InvalidArgumentException.class, () -> firehose
                .createDeliveryStream(c -> c.deliveryStreamName("z").httpEndpointDestinationConfiguration(
                        d -> d.roleARN(ROLE).endpointConfiguration(e -> e.url("https://example.com")))));
        assertTrue(http.getMessage().contains("HttpEndpointDestinationConfiguration is not supported yet"),
                http.getMessage());
        assertTrue(firehose.listDeliveryStreams(l -> l.limit(10)).deliveryStreamNames().isEmpty(),
                "no refused delivery stream is created");
        assertThrows(ResourceNotFoundException.class, () -> firehose.describeDeliveryStream(d -> d
                .deliveryStreamName("missing")));
    }
}

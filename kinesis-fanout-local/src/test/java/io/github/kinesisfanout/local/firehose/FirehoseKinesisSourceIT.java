package io.github.kinesisfanout.local.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.KinesisStreamSourceDescription;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Delivery streams of type KinesisStreamAsSource with real SDK v2 clients: records put to the
 * Kinesis stream after the delivery stream is created land in S3, through the same buffering as
 * DirectPut; Firehose's own puts are refused.
 */
class FirehoseKinesisSourceIT {

    private static final String ROLE = "arn:aws:iam::000000000000:role/firehose";
    private static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/clicks";

    private LocalCloud cloud;
    private FirehoseClient firehose;
    private KinesisClient kinesis;
    private S3Client s3;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().build().start();
        firehose = SdkClients.client(FirehoseClient.builder(), cloud.endpoint());
        kinesis = SdkClients.client(KinesisClient.builder(), cloud.endpoint());
        s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint());
        s3.createBucket(b -> b.bucket("landing"));
        kinesis.createStream(b -> b.streamName("clicks").shardCount(1));
    }

    @AfterEach
    void stop() {
        firehose.close();
        kinesis.close();
        s3.close();
        cloud.close();
    }

    private void create(String name) {
        firehose.createDeliveryStream(c -> c.deliveryStreamName(name).deliveryStreamType("KinesisStreamAsSource")
                .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(STREAM_ARN).roleARN(ROLE))
                .extendedS3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::landing")
                        .prefix(name + "/").bufferingHints(h -> h.sizeInMBs(1).intervalInSeconds(2))));
    }

    private void put(String partitionKey, String... data) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (String d : data) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey(partitionKey).data(SdkBytes.fromUtf8String(d))
                    .build());
        }
        assertEquals(0, kinesis.putRecords(p -> p.streamName("clicks").records(entries)).failedRecordCount());
    }

    private List<S3Object> objects(String prefix) {
        return s3.listObjectsV2(l -> l.bucket("landing").prefix(prefix)).contents();
    }

    private String body(S3Object object) {
        return s3.getObjectAsBytes(g -> g.bucket("landing").key(object.key())).asString(StandardCharsets.UTF_8);
    }

    private static boolean readerRuns(String deliveryStream) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("firehose-" + deliveryStream + "-source") && t.isAlive());
    }

    @Test
    void recordsPutAfterCreationAreDeliveredToS3AndThoseBeforeAreNot() throws Exception {
        put("k", "before\n");
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        create("clicks-to-s3");
        Instant after = Instant.now();
        DeliveryStreamDescription described = firehose.describeDeliveryStream(d -> d.deliveryStreamName("clicks-to-s3"))
                .deliveryStreamDescription();
        assertEquals("ACTIVE", described.deliveryStreamStatusAsString());
        assertEquals("KinesisStreamAsSource", described.deliveryStreamTypeAsString());
        KinesisStreamSourceDescription source = described.source().kinesisStreamSourceDescription();
        assertEquals(STREAM_ARN, source.kinesisStreamARN());
        assertEquals(ROLE, source.roleARN());
        assertFalse(source.deliveryStartTimestamp().isBefore(before), source.deliveryStartTimestamp() + " < " + before);
        assertFalse(source.deliveryStartTimestamp().isAfter(after), source.deliveryStartTimestamp() + " > " + after);
        assertEquals(List.of("clicks-to-s3"), firehose.listDeliveryStreams(l -> l
                .deliveryStreamType("KinesisStreamAsSource")).deliveryStreamNames());

        put("k", "a,1\n", "b,2\n", "c,3\n");
        Await.until(Duration.ofSeconds(10), () -> !objects("clicks-to-s3/").isEmpty(), () -> "waiting for the object");
        List<S3Object> written = objects("clicks-to-s3/");
        assertEquals(1, written.size());
        assertTrue(written.get(0).key().matches("clicks-to-s3/\\d{4}/\\d{2}/\\d{2}/\\d{2}/clicks-to-s3-1-.*"),
                written.get(0).key());
        assertEquals("a,1\nb,2\nc,3\n", body(written.get(0)));
    }

    @Test
    void aSplitShardIsReadToItsEndBeforeItsChildren() throws Exception {
        create("split");
        put("k", "parent\n");
        kinesis.splitShard(b -> b.streamName("clicks").shardToSplit("shardId-000000000000")
                .newStartingHashKey(BigInteger.TWO.pow(127).toString()));
        put("k", "child\n");
        Await.until(Duration.ofSeconds(10), () -> !objects("split/").isEmpty(), () -> "waiting for the object");
        assertEquals("parent\nchild\n", body(objects("split/").get(0)));
    }

    @Test
    void firehosePutsAreRefusedAsAwsRefusesThem() {
        create("no-puts");
        InvalidArgumentException single = assertThrows(InvalidArgumentException.class, () -> firehose.putRecord(p -> p
                .deliveryStreamName("no-puts").record(r -> r.data(SdkBytes.fromUtf8String("x")))));
        assertEquals("This operation is not permitted on KinesisStreamAsSource delivery stream type.",
                single.awsErrorDetails().errorMessage());
        InvalidArgumentException batch = assertThrows(InvalidArgumentException.class, () -> firehose.putRecordBatch(p -> p
                .deliveryStreamName("no-puts").records(Record.builder().data(SdkBytes.fromUtf8String("x")).build())));
        assertEquals("This operation is not permitted on KinesisStreamAsSource delivery stream type.",
                batch.awsErrorDetails().errorMessage());
    }

    @Test
    void deletingTheDeliveryStreamStopsItsReader() throws Exception {
        create("short-lived");
        assertTrue(readerRuns("short-lived"));
        firehose.deleteDeliveryStream(d -> d.deliveryStreamName("short-lived"));
        Await.until(Duration.ofSeconds(10), () -> !readerRuns("short-lived"), () -> "waiting for the reader to stop");
        create("short-lived");
        assertTrue(readerRuns("short-lived"), "the name can be used again");
    }

    @Test
    void refusesAMissingOrUnreadableSource() {
        InvalidArgumentException none = assertThrows(InvalidArgumentException.class, () -> firehose.createDeliveryStream(
                c -> c.deliveryStreamName("z").deliveryStreamType("KinesisStreamAsSource")
                        .extendedS3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::landing"))));
        assertTrue(none.getMessage().contains("DeliveryStreamType KinesisStreamAsSource needs a"
                + " KinesisStreamSourceConfiguration"), none.getMessage());
        InvalidArgumentException missing = assertThrows(InvalidArgumentException.class, () -> firehose
                .createDeliveryStream(c -> c.deliveryStreamName("z").deliveryStreamType("KinesisStreamAsSource")
                        .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(STREAM_ARN + "-gone").roleARN(ROLE))
                        .extendedS3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::landing"))));
        assertTrue(missing.getMessage().contains("KinesisStreamSourceConfiguration.KinesisStreamARN " + STREAM_ARN
                + "-gone cannot be read: ResourceNotFoundException"), missing.getMessage());
        InvalidArgumentException noRole = assertThrows(InvalidArgumentException.class, () -> firehose
                .createDeliveryStream(c -> c.deliveryStreamName("z").deliveryStreamType("KinesisStreamAsSource")
                        .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(STREAM_ARN))
                        .extendedS3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::landing"))));
        assertTrue(noRole.getMessage().contains("Value null at 'kinesisStreamSourceConfiguration.roleARN'"),
                noRole.getMessage());
        InvalidArgumentException notAStream = assertThrows(InvalidArgumentException.class, () -> firehose
                .createDeliveryStream(c -> c.deliveryStreamName("z").deliveryStreamType("KinesisStreamAsSource")
                        .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN("arn:aws:s3:::landing").roleARN(ROLE))
                        .extendedS3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::landing"))));
        assertTrue(notAStream.getMessage().contains("Value 'arn:aws:s3:::landing' at"
                + " 'kinesisStreamSourceConfiguration.kinesisStreamARN' failed to satisfy constraint"),
                notAStream.getMessage());
        InvalidArgumentException directPut = assertThrows(InvalidArgumentException.class, () -> firehose
                .createDeliveryStream(c -> c.deliveryStreamName("z").deliveryStreamType("DirectPut")
                        .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(STREAM_ARN).roleARN(ROLE))
                        .extendedS3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::landing"))));
        assertTrue(directPut.getMessage().contains("KinesisStreamSourceConfiguration is only for DeliveryStreamType"
                + " KinesisStreamAsSource"), directPut.getMessage());
        assertTrue(firehose.listDeliveryStreams(l -> l.limit(10)).deliveryStreamNames().isEmpty(),
                "no refused delivery stream is created");
        assertFalse(readerRuns("z"));
    }
}

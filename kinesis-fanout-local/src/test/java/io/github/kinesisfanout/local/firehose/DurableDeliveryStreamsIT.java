package io.github.kinesisfanout.local.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.Tag;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Delivery streams on a data directory: their configuration, tags and status survive a restart; the
 * records they buffered go to S3 at a clean stop, and a crash (the directory as a {@code kill -9}
 * leaves it) keeps them for the next start.
 */
class DurableDeliveryStreamsIT {

    private static final String ROLE = "arn:aws:iam::000000000000:role/firehose";

    @TempDir
    Path dir;

    @TempDir
    Path crashed;

    private static LocalCloud cloud(Path dataDir) {
        return LocalCloud.builder().dataDirectory(dataDir).build().start();
    }

    /** Buffers up to 128 MiB or 900 s: nothing reaches S3 by itself during a test. */
    private static void createDirectPut(FirehoseClient firehose, String name) {
        firehose.createDeliveryStream(c -> c.deliveryStreamName(name)
                .tags(Tag.builder().key("team").value("data").build())
                .extendedS3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::landing")
                        .prefix(name + "/").bufferingHints(h -> h.sizeInMBs(128).intervalInSeconds(900))));
    }

    @Test
    void deliveryStreamsSurviveARestartAndACleanStopWritesTheirBuffers() {
        Instant created;
        Instant sourceStart;
        try (LocalCloud cloud = cloud(dir); FirehoseClient firehose = SdkClients.client(FirehoseClient.builder(), cloud.endpoint());
                S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint());
                KinesisClient kinesis = SdkClients.client(KinesisClient.builder(), cloud.endpoint())) {
            s3.createBucket(b -> b.bucket("landing"));
            kinesis.createStream(r -> r.streamName("feed").shardCount(1));
            createDirectPut(firehose, "orders");
            firehose.createDeliveryStream(c -> c.deliveryStreamName("fromFeed").deliveryStreamType("KinesisStreamAsSource")
                    .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(
                            "arn:aws:kinesis:us-east-1:000000000000:stream/feed").roleARN(ROLE))
                    .s3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::landing").prefix("feed/")));
            firehose.untagDeliveryStream(u -> u.deliveryStreamName("orders").tagKeys("team"));
            firehose.tagDeliveryStream(t -> t.deliveryStreamName("orders").tags(Tag.builder().key("owner").value("ops").build()));
            firehose.putRecordBatch(p -> p.deliveryStreamName("orders").records(
                    Record.builder().data(SdkBytes.fromUtf8String("a,1\n")).build(),
                    Record.builder().data(SdkBytes.fromUtf8String("b,2\n")).build()));
            assertTrue(s3.listObjectsV2(l -> l.bucket("landing").prefix("orders/")).contents().isEmpty());
            created = describe(firehose, "orders").createTimestamp();
            sourceStart = describe(firehose, "fromFeed").source().kinesisStreamSourceDescription().deliveryStartTimestamp();
        }
        try (LocalCloud cloud = cloud(dir); FirehoseClient firehose = SdkClients.client(FirehoseClient.builder(), cloud.endpoint());
                S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint())) {
            assertEquals(List.of("fromFeed", "orders"), firehose.listDeliveryStreams(l -> l.limit(10)).deliveryStreamNames());
            DeliveryStreamDescription orders = describe(firehose, "orders");
            assertEquals("ACTIVE", orders.deliveryStreamStatusAsString());
            assertEquals("DirectPut", orders.deliveryStreamTypeAsString());
            assertEquals(created, orders.createTimestamp());
            ExtendedS3DestinationDescription s3Destination = orders.destinations().get(0).extendedS3DestinationDescription();
            assertEquals("orders/", s3Destination.prefix());
            assertEquals(128, s3Destination.bufferingHints().sizeInMBs());
            assertEquals(900, s3Destination.bufferingHints().intervalInSeconds());
            assertEquals(Map.of("owner", "ops"), firehose.listTagsForDeliveryStream(t -> t.deliveryStreamName("orders"))
                    .tags().stream().collect(Collectors.toMap(Tag::key, Tag::value)));
            DeliveryStreamDescription fromFeed = describe(firehose, "fromFeed");
            assertEquals("KinesisStreamAsSource", fromFeed.deliveryStreamTypeAsString());
            assertEquals(sourceStart, fromFeed.source().kinesisStreamSourceDescription().deliveryStartTimestamp());
            assertEquals("feed/", fromFeed.destinations().get(0).s3DestinationDescription().prefix());

            // The clean stop wrote the two buffered records as one object.
            List<S3Object> written = s3.listObjectsV2(l -> l.bucket("landing").prefix("orders/")).contents();
            assertEquals(1, written.size());
            assertEquals("a,1\nb,2\n", s3.getObjectAsBytes(g -> g.bucket("landing").key(written.get(0).key())).asUtf8String());

            firehose.putRecord(p -> p.deliveryStreamName("orders").record(r -> r.data(SdkBytes.fromUtf8String("c,3\n"))));
            firehose.deleteDeliveryStream(d -> d.deliveryStreamName("fromFeed"));
        }
        try (LocalCloud cloud = cloud(dir); FirehoseClient firehose = SdkClients.client(FirehoseClient.builder(), cloud.endpoint());
                S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint())) {
            assertEquals(List.of("orders"), firehose.listDeliveryStreams(l -> l.limit(10)).deliveryStreamNames());
            // Two objects: the one the second run found, and the one its clean stop wrote. Both may carry the same
            // second in their keys, whose random suffix then orders them, so they are compared as a set.
            assertEquals(List.of("a,1\nb,2\n", "c,3\n"), objects(s3, "orders/"));
        }
    }

    @Test
    void recordsNotYetInS3SurviveACrash() {
        try (LocalCloud cloud = cloud(dir); FirehoseClient firehose = SdkClients.client(FirehoseClient.builder(), cloud.endpoint());
                S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint())) {
            s3.createBucket(b -> b.bucket("landing"));
            createDirectPut(firehose, "orders");
            firehose.putRecord(p -> p.deliveryStreamName("orders").record(r -> r.data(SdkBytes.fromUtf8String("a,1\n"))));
            firehose.putRecordBatch(p -> p.deliveryStreamName("orders").records(
                    Record.builder().data(SdkBytes.fromUtf8String("b,2\n")).build()));
            // What a kill -9 now would leave on disk: every put has answered, nothing is in S3 yet.
            copy(dir, crashed);
        }
        try (LocalCloud cloud = cloud(crashed); S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true),
                cloud.endpoint())) {
            assertEquals(List.of(), objects(s3, "orders/"));
        }
        // The restarted cloud took the journaled records back into the buffer; its clean stop wrote them, once.
        try (LocalCloud cloud = cloud(crashed); S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true),
                cloud.endpoint())) {
            assertEquals(List.of("a,1\nb,2\n"), objects(s3, "orders/"));
        }
        try (LocalCloud cloud = cloud(crashed); S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true),
                cloud.endpoint())) {
            assertEquals(1, s3.listObjectsV2(l -> l.bucket("landing").prefix("orders/")).contents().size());
        }
    }

    private static DeliveryStreamDescription describe(FirehoseClient firehose, String name) {
        return firehose.describeDeliveryStream(d -> d.deliveryStreamName(name)).deliveryStreamDescription();
    }

    /** The bodies of the objects under a prefix, sorted. */
    private static List<String> objects(S3Client s3, String prefix) {
        return s3.listObjectsV2(l -> l.bucket("landing").prefix(prefix)).contents().stream()
                .map(o -> s3.getObjectAsBytes(g -> g.bucket("landing").key(o.key())).asUtf8String()).sorted().toList();
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("LOCK")) {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.kinesisfanout.local.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import io.github.kinesisfanout.local.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A KinesisStreamAsSource delivery stream on a data directory resumes reading its Kinesis stream
 * from its per-shard checkpoint after a restart, with real SDK v2 clients: after a clean stop every
 * record reaches S3 exactly once; after a crash (the directory as a {@code kill -9} leaves it) at
 * least once, twice only for a read whose checkpoint was not yet written; across a SplitShard the
 * parent is read to its end before its children.
 */
class FirehoseSourceCheckpointIT {

    private static final String ROLE = "arn:aws:iam::000000000000:role/firehose";
    private static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/clicks";
    private static final String NAME = "fromClicks";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @TempDir
    Path crashed;

    @TempDir
    Path saved;

    /** A cloud on a data directory with the three clients the tests use. */
    private record Cloud(LocalCloud cloud, FirehoseClient firehose, KinesisClient kinesis, S3Client s3)
            implements AutoCloseable {

        static Cloud on(Path dataDir) {
            LocalCloud cloud = LocalCloud.builder().dataDirectory(dataDir).build().start();
            return new Cloud(cloud, SdkClients.client(FirehoseClient.builder(), cloud.endpoint()),
                    SdkClients.client(KinesisClient.builder(), cloud.endpoint()),
                    SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint()));
        }

        /** A bucket, a one-shard stream and a delivery stream reading it that buffers 128 MiB or 900 s. */
        static Cloud created(Path dataDir) {
            Cloud c = on(dataDir);
            c.s3.createBucket(b -> b.bucket("landing"));
            c.kinesis.createStream(r -> r.streamName("clicks").shardCount(1));
            c.firehose.createDeliveryStream(d -> d.deliveryStreamName(NAME).deliveryStreamType("KinesisStreamAsSource")
                    .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(STREAM_ARN).roleARN(ROLE))
                    .extendedS3DestinationConfiguration(s -> s.roleARN(ROLE).bucketARN("arn:aws:s3:::landing")
                            .prefix("out/").bufferingHints(h -> h.sizeInMBs(128).intervalInSeconds(900))));
            return c;
        }

        /** Puts records with one partition key; answers the last one's shard and sequence number. */
        PutRecordsResultEntry put(String partitionKey, String... data) {
            List<PutRecordsRequestEntry> entries = Arrays.stream(data).map(d -> PutRecordsRequestEntry.builder()
                    .partitionKey(partitionKey).data(SdkBytes.fromUtf8String(d + "\n")).build()).toList();
            List<PutRecordsResultEntry> results = kinesis.putRecords(p -> p.streamName("clicks").records(entries)).records();
            results.forEach(r -> assertEquals(null, r.errorCode(), r.errorMessage()));
            return results.get(results.size() - 1);
        }

        /** The bodies of the objects the delivery stream wrote, in key order. */
        List<String> objects() {
            return s3.listObjectsV2(l -> l.bucket("landing").prefix("out/")).contents().stream()
                    .map(o -> s3.getObjectAsBytes(g -> g.bucket("landing").key(o.key())).asUtf8String()).toList();
        }

        @Override
        public void close() {
            firehose.close();
            kinesis.close();
            s3.close();
            cloud.close();
        }
    }

    private static Path streamDir(Path dataDir) {
        return dataDir.resolve("firehose").resolve("000000000000").resolve("us-east-1").resolve(NAME);
    }

    /** Waits until the kept checkpoint is past {@code record}: it was read and is durable in the buffer journal. */
    private static void awaitCheckpointPast(Path dataDir, PutRecordsResultEntry record) {
        Path file = streamDir(dataDir).resolve("checkpoint.json");
        Await.until(Duration.ofSeconds(10), () -> {
            try {
                SourceCheckpoint kept = SourceCheckpoint.parse(JSON.readTree(Files.readAllBytes(file)));
                StartingPosition at = kept.positions().get(record.shardId());
                return kept.finished().contains(record.shardId()) || at != null && at.sequenceNumber() != null
                        && new BigInteger(at.sequenceNumber()).compareTo(new BigInteger(record.sequenceNumber())) > 0;
            } catch (IOException e) {
                return false;
            }
        }, () -> "waiting for the checkpoint of " + record.shardId() + " to pass " + record.sequenceNumber());
    }

    /** The lines of the bodies, sorted: which records reached S3, and how many times. */
    private static List<String> lines(List<String> bodies) {
        return bodies.stream().flatMap(String::lines).sorted().toList();
    }

    @Test
    void afterACleanStopTheStreamIsReadOnFromItsCheckpointAndEveryRecordReachesS3Once() {
        try (Cloud c = Cloud.created(dir)) {
            awaitCheckpointPast(dir, c.put("k", "a", "b", "c"));
            // Maybe read before the stop, maybe after the restart: either way once.
            c.put("k", "d");
        }
        try (Cloud c = Cloud.on(dir)) {
            List<String> first = c.objects();
            assertEquals(1, first.size(), "the clean stop wrote the buffer");
            assertTrue(first.get(0).startsWith("a\nb\nc\n"), first.get(0));
            awaitCheckpointPast(dir, c.put("k", "e"));
        }
        try (Cloud c = Cloud.on(dir)) {
            assertEquals(List.of("a", "b", "c", "d", "e"), lines(c.objects()));
        }
    }

    @Test
    void recordsPutButNotYetReadAtACrashAreReadAfterTheRestart() {
        try (Cloud c = Cloud.created(dir)) {
            // Firehose's part of the directory as it was before any record: the checkpoint pinned at creation.
            copy(dir.resolve("firehose"), saved);
            awaitCheckpointPast(dir, c.put("k", "a", "b"));
            // A kill -9 after the puts answered and before the reader took them: Kinesis has them, Firehose not.
            copy(dir, crashed);
            replace(crashed.resolve("firehose"), saved);
        }
        try (Cloud c = Cloud.on(crashed)) {
            assertEquals(List.of(), c.objects());
            awaitCheckpointPast(crashed, c.put("k", "c"));
        }
        try (Cloud c = Cloud.on(crashed)) {
            assertEquals(List.of("a\nb\nc\n"), c.objects());
        }
    }

    @Test
    void aCrashAfterTheJournalAndBeforeTheCheckpointDeliversThatReadTwiceAndNothingElseTwice() throws IOException {
        try (Cloud c = Cloud.created(dir)) {
            awaitCheckpointPast(dir, c.put("k", "a", "b"));
            Path checkpoint = streamDir(dir).resolve("checkpoint.json");
            Files.copy(checkpoint, saved.resolve("checkpoint.json"));
            awaitCheckpointPast(dir, c.put("k", "c", "d"));
            // c and d are journaled; the crash came before their checkpoint replaced the one after a and b.
            copy(dir, crashed);
            Files.copy(saved.resolve("checkpoint.json"), streamDir(crashed).resolve("checkpoint.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        try (Cloud c = Cloud.on(crashed)) {
            awaitCheckpointPast(crashed, c.put("k", "e"));
        }
        try (Cloud c = Cloud.on(crashed)) {
            // The journal gives back a..d; the stream is read again from after b: c and d twice, then e.
            assertEquals(List.of("a\nb\nc\nd\nc\nd\ne\n"), c.objects());
        }
        // The directory its clean stop left (a..d in S3, the checkpoint after d): every record once.
        try (Cloud c = Cloud.on(dir)) {
            awaitCheckpointPast(dir, c.put("k", "f"));
        }
        try (Cloud c = Cloud.on(dir)) {
            assertEquals(List.of("a", "b", "c", "d", "f"), lines(c.objects()));
        }
    }

    @Test
    void aShardSplitAcrossACleanRestartIsReadToItsEndBeforeItsChildrenAndEachRecordOnce() {
        try (Cloud c = Cloud.created(dir)) {
            awaitCheckpointPast(dir, c.put("k", "p1"));
            c.put("k", "p2");
            split(c);
            c.put("k", "c1");
        }
        try (Cloud c = Cloud.on(dir)) {
            awaitCheckpointPast(dir, c.put("k", "c2"));
        }
        try (Cloud c = Cloud.on(dir)) {
            List<String> bodies = c.objects();
            assertEquals(List.of("c1", "c2", "p1", "p2"), lines(bodies));
            List<String> order = List.of("p1", "p2", "c1", "c2");
            for (String body : bodies) {
                List<Integer> positions = body.lines().map(order::indexOf).toList();
                assertEquals(positions.stream().sorted().toList(), positions, "parent before children in " + body);
            }
        }
    }

    @Test
    void aShardSplitWhileTheReaderWasBehindIsResumedInItsParentThenItsChildren() {
        try (Cloud c = Cloud.created(dir)) {
            awaitCheckpointPast(dir, c.put("k", "p1"));
            copy(dir.resolve("firehose"), saved);
            PutRecordsResultEntry p2 = c.put("k", "p2");
            split(c);
            PutRecordsResultEntry c1 = c.put("k", "c1");
            assertNotEquals(p2.shardId(), c1.shardId(), "c1 went to a child shard");
            awaitCheckpointPast(dir, c1);
            // The crash came while the reader was still in the parent after p1: p2, the split and c1 unread.
            copy(dir, crashed);
            replace(crashed.resolve("firehose"), saved);
        }
        try (Cloud c = Cloud.on(crashed)) {
            awaitCheckpointPast(crashed, c.put("k", "c2"));
        }
        try (Cloud c = Cloud.on(crashed)) {
            assertEquals(List.of("p1\np2\nc1\nc2\n"), c.objects());
        }
    }

    private static void split(Cloud c) {
        c.kinesis.splitShard(s -> s.streamName("clicks").shardToSplit("shardId-000000000000")
                .newStartingHashKey(BigInteger.TWO.pow(127).toString()));
        Await.until(Duration.ofSeconds(10), () -> c.kinesis.describeStreamSummary(d -> d.streamName("clicks"))
                .streamDescriptionSummary().streamStatusAsString().equals("ACTIVE"), () -> "waiting for the split");
    }

    private static void replace(Path target, Path from) {
        AtomicFiles.deleteTree(target);
        copy(from, target);
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

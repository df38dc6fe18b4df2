package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.MutableClock;
import io.github.kinesisfanout.local.ServiceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** Streams and records survive a restart on the same data directory, seen through the SDK v2 client. */
class DurableKinesisIT {

    @TempDir
    Path dir;

    private static List<Record> readAll(KinesisClient kinesis, String stream, String shardId) {
        String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> out = new ArrayList<>();
        while (iterator != null) {
            String current = iterator;
            var response = kinesis.getRecords(r -> r.shardIterator(current));
            out.addAll(response.records());
            iterator = response.records().isEmpty() && response.millisBehindLatest() == 0 ? null
                    : response.nextShardIterator();
        }
        return out;
    }

    private static SdkBytes bytes(String text) {
        return SdkBytes.fromUtf8String(text);
    }

    @Test
    void streamsShardsLineageTagsRetentionAndRecordsSurviveARestart() {
        List<Shard> shardsBefore;
        Map<String, List<Record>> recordsBefore = new java.util.TreeMap<>();
        String lastSequence;
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisClient kinesis = KinesisClients.cbor(cloud.endpoint())) {
            kinesis.createStream(r -> r.streamName("orders").shardCount(2).tags(Map.of("team", "payments")));
            kinesis.createStream(r -> r.streamName("clicks").streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
            kinesis.increaseStreamRetentionPeriod(r -> r.streamName("orders").retentionPeriodHours(48));
            kinesis.addTagsToStream(r -> r.streamName("orders").tags(Map.of("env", "test")));
            for (int i = 0; i < 10; i++) {
                int n = i;
                kinesis.putRecord(r -> r.streamName("orders").partitionKey("k" + n).data(bytes("before-split-" + n)));
            }
            // shardId-000000000000 covers 0..2^127-1: split it in the middle, into shards 2 and 3.
            kinesis.splitShard(r -> r.streamName("orders").shardToSplit("shardId-000000000000")
                    .newStartingHashKey("85070591730234615865843651857942052864"));
            List<PutRecordsRequestEntry> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(PutRecordsRequestEntry.builder().partitionKey("k" + i).data(bytes("after-split-" + i)).build());
            }
            var put = kinesis.putRecords(r -> r.streamName("orders").records(batch));
            assertEquals(0, put.failedRecordCount());
            lastSequence = put.records().get(19).sequenceNumber();
            shardsBefore = kinesis.listShards(r -> r.streamName("orders")).shards();
            for (Shard shard : shardsBefore) {
                recordsBefore.put(shard.shardId(), readAll(kinesis, "orders", shard.shardId()));
            }
        }
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisClient kinesis = KinesisClients.cbor(cloud.endpoint())) {
            assertEquals(List.of("clicks", "orders"), kinesis.listStreams().streamNames());
            StreamDescription orders = kinesis.describeStream(r -> r.streamName("orders")).streamDescription();
            assertEquals(StreamStatus.ACTIVE, orders.streamStatus());
            assertEquals(48, orders.retentionPeriodHours());
            assertEquals(shardsBefore, orders.shards());
            assertEquals(4, orders.shards().size());
            assertEquals("shardId-000000000000", orders.shards().get(2).parentShardId());
            assertTrue(orders.shards().get(0).sequenceNumberRange().endingSequenceNumber() != null);
            assertNull(orders.shards().get(1).sequenceNumberRange().endingSequenceNumber());
            assertEquals(Map.of("team", "payments", "env", "test"), kinesis.listTagsForStream(r -> r.streamName("orders"))
                    .tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())));
            var clicks = kinesis.describeStreamSummary(r -> r.streamName("clicks")).streamDescriptionSummary();
            assertEquals(StreamMode.ON_DEMAND, clicks.streamModeDetails().streamMode());
            assertEquals(4, clicks.openShardCount());
            int total = 0;
            for (Shard shard : shardsBefore) {
                List<Record> after = readAll(kinesis, "orders", shard.shardId());
                assertEquals(recordsBefore.get(shard.shardId()), after, shard.shardId());
                total += after.size();
            }
            assertEquals(30, total);
            // Sequence numbers go on increasing, never reissued.
            String next = kinesis.putRecord(r -> r.streamName("orders").partitionKey("k19").data(bytes("later")))
                    .sequenceNumber();
            assertTrue(new java.math.BigInteger(next).compareTo(new java.math.BigInteger(lastSequence)) > 0);
            kinesis.deleteStream(r -> r.streamName("clicks"));
        }
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisClient kinesis = KinesisClients.cbor(cloud.endpoint())) {
            assertEquals(List.of("orders"), kinesis.listStreams().streamNames());
        }
    }

    @Test
    void streamsCaughtCreatingOrUpdatingFinishTheirTransitionAfterARestart() {
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).statusTransitionDelay(Duration.ofHours(1))
                .build().start(); KinesisClient kinesis = KinesisClients.cbor(cloud.endpoint())) {
            kinesis.createStream(r -> r.streamName("slow").shardCount(1));
            assertEquals(StreamStatus.CREATING, kinesis.describeStreamSummary(r -> r.streamName("slow"))
                    .streamDescriptionSummary().streamStatus());
        }
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisClient kinesis = KinesisClients.cbor(cloud.endpoint())) {
            assertEquals(StreamStatus.ACTIVE, kinesis.describeStreamSummary(r -> r.streamName("slow"))
                    .streamDescriptionSummary().streamStatus());
        }
    }

    @Test
    void aTornTailIsNeverServed() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisClient kinesis = KinesisClients.cbor(cloud.endpoint())) {
            kinesis.createStream(r -> r.streamName("t").shardCount(1));
            kinesis.putRecord(r -> r.streamName("t").partitionKey("a").data(bytes("acknowledged")));
        }
        Path records = dir.resolve("kinesis/000000000000/us-east-1/stream-t/records");
        Path segment;
        try (var files = Files.list(records)) {
            segment = files.sorted().reduce((a, b) -> b).orElseThrow();
        }
        // Half a frame: a record whose append was cut by a crash.
        Files.write(segment, new byte[] {0, 0, 0, 40, 9, 9, 9, 9, 1, 0, 0}, StandardOpenOption.APPEND);
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisClient kinesis = KinesisClients.cbor(cloud.endpoint())) {
            List<Record> read = readAll(kinesis, "t", "shardId-000000000000");
            assertEquals(List.of("acknowledged"), read.stream().map(r -> r.data().asUtf8String()).toList());
            kinesis.putRecord(r -> r.streamName("t").partitionKey("a").data(bytes("next")));
            assertEquals(List.of("acknowledged", "next"), readAll(kinesis, "t", "shardId-000000000000").stream()
                    .map(r -> r.data().asUtf8String()).toList());
        }
    }

    @Test
    void retentionDeletesWholeExpiredSegmentFiles() {
        MutableClock clock = new MutableClock();
        ServiceContext cloud = ServiceContext.inMemory(clock);
        DurableStreamStore store = new DurableStreamStore(dir, 200);
        KinesisService service = new KinesisService(cloud, KinesisConfig.defaults(), store);
        try {
            var ctx = new io.github.kinesisfanout.local.edge.RequestContext("r", "000000000000", "us-east-1");
            service.invoke("CreateStream", KinesisJson.object().put("StreamName", "s").put("ShardCount", 1), ctx);
            for (int i = 0; i < 10; i++) {
                service.putRecord(ctx, "s", new PutRecordsEntry("k", ("old-" + i + "-padding-to-fill").getBytes(), null));
            }
            clock.advance(Duration.ofHours(25));
            service.putRecord(ctx, "s", new PutRecordsEntry("k", "fresh".getBytes(), null));
            Stream stream = store.find("000000000000", "us-east-1", "s");
            int before = store.journal(stream).segments().size();
            // A record frame is 8 + 24 + 21 = 53 bytes, a segment's checkpoint 33: four records fill 200
            // bytes, so ten old records and the fresh one make three segments.
            assertEquals(3, before);
            new StreamManager(store, cloud).trimAll();
            // Only the segment being written (holding the fresh record) remains.
            assertEquals(1, store.journal(stream).segments().size());
            var read = service.getRecords(ctx, "s", "shardId-000000000000", StartingPosition.trimHorizon(), 100);
            assertEquals(List.of("fresh"), read.records().stream().map(r -> new String(r.data())).toList());
        } finally {
            service.close();
            cloud.scheduler().shutdownNow();
        }
        // After a restart the counters go on from the checkpoint, past the deleted records.
        DurableStreamStore reopened = new DurableStreamStore(dir, 200);
        Stream stream = reopened.find("000000000000", "us-east-1", "s");
        assertEquals(12, stream.shard("shardId-000000000000").log().nextCounter());
        reopened.close();
    }
}

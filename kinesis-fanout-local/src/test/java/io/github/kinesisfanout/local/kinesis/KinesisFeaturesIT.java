package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.Tag;

/** Stream modes, paging, tags, retention, routing, iterator types and ordering. */
class KinesisFeaturesIT extends ClockedKinesisFixture {

    private static SdkBytes text(String value) {
        return SdkBytes.fromUtf8String(value);
    }

    private List<Record> readAll(String stream, String shardId, ShardIteratorType type, String sequence,
            Instant timestamp) {
        String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shardId).shardIteratorType(type)
                .startingSequenceNumber(sequence).timestamp(timestamp)).shardIterator();
        return kinesis.getRecords(r -> r.shardIterator(iterator)).records();
    }

    private static List<String> texts(List<Record> records) {
        return records.stream().map(r -> r.data().asUtf8String()).toList();
    }

    @Test
    void onDemandStreamsGetFourShards() {
        kinesis.createStream(r -> r.streamName("od").streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        var summary = kinesis.describeStreamSummary(r -> r.streamName("od")).streamDescriptionSummary();
        assertEquals(StreamMode.ON_DEMAND, summary.streamModeDetails().streamMode());
        assertEquals(4, summary.openShardCount());
        assertThrows(InvalidArgumentException.class, () -> kinesis.createStream(r -> r.streamName("noCount")));
    }

    @Test
    void limitsAndStreamModeChanges() {
        kinesis.createStream(r -> r.streamName("lim").shardCount(3));
        var limits = kinesis.describeLimits(r -> { });
        assertEquals(500, limits.shardLimit());
        assertEquals(3, limits.openShardCount());
        assertEquals(0, limits.onDemandStreamCount());
        String arn = "arn:aws:kinesis:us-east-1:000000000000:stream/lim";
        kinesis.updateStreamMode(r -> r.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        assertEquals(StreamMode.ON_DEMAND, kinesis.describeStreamSummary(r -> r.streamName("lim"))
                .streamDescriptionSummary().streamModeDetails().streamMode());
        assertEquals(1, kinesis.describeLimits(r -> { }).onDemandStreamCount());
        assertThrows(InvalidArgumentException.class, () -> kinesis.updateStreamMode(r -> r.streamARN(arn)
                .streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND))));
    }

    @Test
    void describeStreamListStreamsAndListShardsPage() {
        kinesis.createStream(r -> r.streamName("p").shardCount(5));
        DescribeStreamResponse page1 = kinesis.describeStream(r -> r.streamName("p").limit(2));
        assertEquals(2, page1.streamDescription().shards().size());
        assertTrue(page1.streamDescription().hasMoreShards());
        DescribeStreamResponse page2 = kinesis.describeStream(r -> r.streamName("p").limit(10)
                .exclusiveStartShardId("shardId-000000000001"));
        assertEquals("shardId-000000000002", page2.streamDescription().shards().get(0).shardId());
        assertEquals(3, page2.streamDescription().shards().size());
        assertFalse(page2.streamDescription().hasMoreShards());

        ListShardsResponse shards1 = kinesis.listShards(r -> r.streamName("p").maxResults(3));
        assertEquals(3, shards1.shards().size());
        assertNotNull(shards1.nextToken());
        ListShardsResponse shards2 = kinesis.listShards(r -> r.nextToken(shards1.nextToken()));
        assertEquals(List.of("shardId-000000000003", "shardId-000000000004"),
                shards2.shards().stream().map(s -> s.shardId()).toList());
        assertEquals(null, shards2.nextToken());
        assertEquals(2, kinesis.listShards(r -> r.streamName("p").exclusiveStartShardId("shardId-000000000002"))
                .shards().size());

        kinesis.createStream(r -> r.streamName("q").shardCount(1));
        kinesis.createStream(r -> r.streamName("r").shardCount(1));
        ListStreamsResponse streams1 = kinesis.listStreams(r -> r.limit(2));
        assertEquals(List.of("p", "q"), streams1.streamNames());
        assertTrue(streams1.hasMoreStreams());
        assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/p", streams1.streamSummaries().get(0).streamARN());
        ListStreamsResponse streams2 = kinesis.listStreams(r -> r.nextToken(streams1.nextToken()));
        assertEquals(List.of("r"), streams2.streamNames());
        assertFalse(streams2.hasMoreStreams());
        assertEquals(List.of("q", "r"), kinesis.listStreams(r -> r.exclusiveStartStreamName("p")).streamNames());
    }

    @Test
    void tagsAddListRemove() {
        kinesis.createStream(r -> r.streamName("t").shardCount(1).tags(Map.of("team", "payments")));
        kinesis.addTagsToStream(r -> r.streamName("t").tags(Map.of("env", "test", "team", "risk")));
        List<Tag> tags = kinesis.listTagsForStream(r -> r.streamName("t")).tags();
        assertEquals(List.of("env=test", "team=risk"), tags.stream().map(t -> t.key() + "=" + t.value()).toList());
        kinesis.removeTagsFromStream(r -> r.streamName("t").tagKeys("env"));
        assertEquals(List.of("team"), kinesis.listTagsForStream(r -> r.streamName("t")).tags().stream()
                .map(Tag::key).toList());
    }

    @Test
    void retentionChangesAndTrimming() {
        kinesis.createStream(r -> r.streamName("ret").shardCount(1));
        kinesis.putRecord(r -> r.streamName("ret").partitionKey("k").data(text("old")));
        clock.advance(Duration.ofHours(23));
        kinesis.putRecord(r -> r.streamName("ret").partitionKey("k").data(text("new")));
        assertEquals(List.of("old", "new"), texts(readAll("ret", "shardId-000000000000",
                ShardIteratorType.TRIM_HORIZON, null, null)));
        clock.advance(Duration.ofHours(2));
        assertEquals(List.of("new"), texts(readAll("ret", "shardId-000000000000",
                ShardIteratorType.TRIM_HORIZON, null, null)));

        kinesis.increaseStreamRetentionPeriod(r -> r.streamName("ret").retentionPeriodHours(48));
        assertEquals(48, kinesis.describeStreamSummary(r -> r.streamName("ret")).streamDescriptionSummary()
                .retentionPeriodHours());
        InvalidArgumentException shorter = assertThrows(InvalidArgumentException.class,
                () -> kinesis.increaseStreamRetentionPeriod(r -> r.streamName("ret").retentionPeriodHours(24)));
        assertTrue(shorter.awsErrorDetails().errorMessage().contains("Use DecreaseRetentionPeriod API"));
        assertThrows(InvalidArgumentException.class,
                () -> kinesis.decreaseStreamRetentionPeriod(r -> r.streamName("ret").retentionPeriodHours(12)));
        assertThrows(InvalidArgumentException.class,
                () -> kinesis.increaseStreamRetentionPeriod(r -> r.streamName("ret").retentionPeriodHours(9000)));
        kinesis.decreaseStreamRetentionPeriod(r -> r.streamName("ret").retentionPeriodHours(24));
        clock.advance(Duration.ofHours(23));
        assertTrue(readAll("ret", "shardId-000000000000", ShardIteratorType.TRIM_HORIZON, null, null).isEmpty());
    }

    @Test
    void explicitHashKeyRoutesAndOrderIsKeptPerShard() {
        kinesis.createStream(r -> r.streamName("h").shardCount(4));
        String quarter = BigInteger.ONE.shiftLeft(126).toString();
        assertEquals("shardId-000000000001", kinesis.putRecord(r -> r.streamName("h").partitionKey("any")
                .explicitHashKey(quarter).data(text("x"))).shardId());
        assertEquals("shardId-000000000000", kinesis.putRecord(r -> r.streamName("h").partitionKey("any")
                .explicitHashKey(new BigInteger(quarter).subtract(BigInteger.ONE).toString()).data(text("x"))).shardId());
        assertEquals("shardId-000000000003", kinesis.putRecord(r -> r.streamName("h").partitionKey("any")
                .explicitHashKey(HashKeys.MAX.toString()).data(text("x"))).shardId());
        assertThrows(InvalidArgumentException.class, () -> kinesis.putRecord(r -> r.streamName("h").partitionKey("a")
                .explicitHashKey(HashKeys.MAX.add(BigInteger.ONE).toString()).data(text("x"))));

        kinesis.createStream(r -> r.streamName("o").shardCount(3));
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + (i % 7)).data(text(Integer.toString(i)))
                    .build());
        }
        var results = kinesis.putRecords(r -> r.streamName("o").records(entries)).records();
        for (int i = 0; i < 300; i++) {
            BigInteger hash = HashKeys.of("key-" + (i % 7));
            int expectedShard = hash.compareTo(HashKeys.start(1, 3)) < 0 ? 0 : hash.compareTo(HashKeys.start(2, 3)) < 0
                    ? 1 : 2;
            assertEquals(io.github.kinesisfanout.local.kinesis.Shard.shardId(expectedShard), results.get(i).shardId());
        }
        int total = 0;
        for (int shard = 0; shard < 3; shard++) {
            List<Integer> values = texts(readAll("o", io.github.kinesisfanout.local.kinesis.Shard.shardId(shard),
                    ShardIteratorType.TRIM_HORIZON, null, null)).stream().map(Integer::valueOf).toList();
            for (int i = 1; i < values.size(); i++) {
                assertTrue(values.get(i) > values.get(i - 1), "order within shard " + shard);
            }
            total += values.size();
        }
        assertEquals(300, total);
    }

    @Test
    void iteratorTypes() {
        kinesis.createStream(r -> r.streamName("it").shardCount(1));
        String shard = "shardId-000000000000";
        String s1 = kinesis.putRecord(r -> r.streamName("it").partitionKey("k").data(text("1"))).sequenceNumber();
        clock.advance(Duration.ofSeconds(10));
        Instant between = clock.instant();
        clock.advance(Duration.ofSeconds(10));
        String s2 = kinesis.putRecord(r -> r.streamName("it").partitionKey("k").data(text("2"))).sequenceNumber();
        String latest = kinesis.getShardIterator(r -> r.streamName("it").shardId(shard)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        kinesis.putRecord(r -> r.streamName("it").partitionKey("k").data(text("3")));

        assertEquals(List.of("1", "2", "3"), texts(readAll("it", shard, ShardIteratorType.AT_SEQUENCE_NUMBER, s1, null)));
        assertEquals(List.of("2", "3"), texts(readAll("it", shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, s1, null)));
        assertEquals(List.of("2", "3"), texts(readAll("it", shard, ShardIteratorType.AT_SEQUENCE_NUMBER, s2, null)));
        assertEquals(List.of("2", "3"), texts(readAll("it", shard, ShardIteratorType.AT_TIMESTAMP, null, between)));
        assertEquals(List.of("3"), texts(kinesis.getRecords(r -> r.shardIterator(latest)).records()));
        var limited = kinesis.getRecords(r -> r.shardIterator(kinesis.getShardIterator(g -> g.streamName("it")
                .shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()).limit(1));
        assertEquals(List.of("1"), texts(limited.records()));
        assertTrue(limited.millisBehindLatest() >= 20_000, "record 1 is 20 s older than the tip: "
                + limited.millisBehindLatest());
        assertEquals(List.of("2"), texts(kinesis.getRecords(r -> r.shardIterator(limited.nextShardIterator()).limit(1))
                .records()));
    }

    @Test
    void getRecordsStopsAtTenMebibytes() {
        kinesis.createStream(r -> r.streamName("big").shardCount(1));
        var ctx = new io.github.kinesisfanout.local.edge.RequestContext("r", "000000000000", "us-east-1");
        List<PutRecordsEntry> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add(new PutRecordsEntry("k", new byte[1024 * 1024 - 1]));
        }
        cloud.kinesis().putRecords(ctx, "big", entries);
        ReadResult first = cloud.kinesis().getRecords(ctx, "big", "shardId-000000000000",
                StartingPosition.trimHorizon(), 10_000);
        assertEquals(10, first.records().size());
        assertTrue(first.millisBehindLatest() >= 0);
        assertEquals(2, cloud.kinesis().getRecords(ctx, "big", "shardId-000000000000", first.nextPosition(), 10_000)
                .records().size());
        var tooMany = assertThrows(software.amazon.awssdk.services.kinesis.model.KinesisException.class,
                () -> kinesis.getRecords(r -> r.shardIterator(kinesis.getShardIterator(g -> g.streamName("big")
                        .shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.LATEST))
                        .shardIterator()).limit(10_001)));
        assertEquals("ValidationException", tooMany.awsErrorDetails().errorCode());
        assertTrue(tooMany.awsErrorDetails().errorMessage().endsWith("Member must have value less than or equal to 10000"));
    }

    @Test
    void inJvmReadersWaitForNewRecordsInsteadOfPolling() throws Exception {
        kinesis.createStream(r -> r.streamName("live").shardCount(1));
        var ctx = new io.github.kinesisfanout.local.edge.RequestContext("r", "000000000000", "us-east-1");
        KinesisService service = cloud.kinesis();
        // LATEST is resolved once, before writing; from then on positions are concrete and nothing is skipped.
        StartingPosition start = service.getRecords(ctx, "live", "shardId-000000000000", StartingPosition.latest(), 1)
                .nextPosition();
        java.util.concurrent.CompletableFuture<List<String>> consumed = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    List<String> seen = new ArrayList<>();
                    StartingPosition position = start;
                    try {
                        while (seen.size() < 1000) {
                            if (!service.awaitData(ctx, "live", "shardId-000000000000", position,
                                    Duration.ofSeconds(10))) {
                                throw new AssertionError("no data within 10 s after " + seen.size() + " records");
                            }
                            ReadResult read = service.getRecords(ctx, "live", "shardId-000000000000", position,
                                    10_000);
                            read.records().forEach(r -> seen.add(new String(r.data(),
                                    java.nio.charset.StandardCharsets.UTF_8)));
                            position = read.nextPosition();
                        }
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    return seen;
                });
        for (int batch = 0; batch < 10; batch++) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey("k").data(text(Integer.toString(batch * 100 + i)))
                        .build());
            }
            kinesis.putRecords(r -> r.streamName("live").records(entries));
        }
        List<String> seen = consumed.get(30, java.util.concurrent.TimeUnit.SECONDS);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Integer.toString(i), seen.get(i));
        }
    }

    @Test
    void streamArnWorksWhereAwsAcceptsIt() {
        kinesis.createStream(r -> r.streamName("arn").shardCount(1));
        String arn = "arn:aws:kinesis:us-east-1:000000000000:stream/arn";
        kinesis.putRecord(r -> r.streamARN(arn).partitionKey("k").data(text("a")));
        kinesis.putRecords(r -> r.streamARN(arn).records(PutRecordsRequestEntry.builder().partitionKey("k")
                .data(text("b")).build()));
        String iterator = kinesis.getShardIterator(r -> r.streamARN(arn).shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        assertEquals(List.of("a", "b"), texts(kinesis.getRecords(r -> r.shardIterator(iterator).streamARN(arn))
                .records()));
        assertEquals("arn", kinesis.describeStreamSummary(r -> r.streamARN(arn)).streamDescriptionSummary()
                .streamName());
        assertEquals(1, kinesis.listShards(r -> r.streamARN(arn)).shards().size());
        kinesis.addTagsToStream(r -> r.streamARN(arn).tags(Map.of("a", "b")));
        kinesis.deleteStream(r -> r.streamARN(arn));
        assertThrows(ResourceNotFoundException.class, () -> kinesis.describeStream(r -> r.streamARN(arn)));
    }

    @Test
    void streamsAreKeptPerRegion() {
        kinesis.createStream(r -> r.streamName("regional").shardCount(1));
        try (KinesisClient euWest = KinesisClients.cbor(cloud.endpoint(), Region.EU_WEST_1)) {
            assertTrue(euWest.listStreams().streamNames().isEmpty());
            euWest.createStream(r -> r.streamName("regional").shardCount(2));
            assertEquals("arn:aws:kinesis:eu-west-1:000000000000:stream/regional",
                    euWest.describeStreamSummary(r -> r.streamName("regional")).streamDescriptionSummary().streamARN());
        }
        assertEquals(1, kinesis.describeStreamSummary(r -> r.streamName("regional")).streamDescriptionSummary()
                .openShardCount());
    }
}

package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardFilterType;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.UpdateShardCountResponse;

/** SplitShard, MergeShards and UpdateShardCount: closed parents, open children, ChildShards at the end. */
class KinesisReshardingIT {

    private LocalCloud cloud;
    private KinesisClient kinesis;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().build().start();
        kinesis = KinesisClients.cbor(cloud.endpoint());
    }

    @AfterEach
    void stop() {
        kinesis.close();
        cloud.close();
    }

    private Map<String, Shard> shards(String stream) {
        return kinesis.listShards(r -> r.streamName(stream)).shards().stream()
                .collect(Collectors.toMap(Shard::shardId, Function.identity()));
    }

    private String put(String stream, String text) {
        return kinesis.putRecord(r -> r.streamName(stream).partitionKey("k").data(SdkBytes.fromUtf8String(text)))
                .sequenceNumber();
    }

    @Test
    void splitClosesTheParentAndEndsItsReadsWithChildShards() {
        kinesis.createStream(r -> r.streamName("s").shardCount(1));
        String first = put("s", "before");
        String iterator = kinesis.getShardIterator(r -> r.streamName("s").shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        BigInteger middle = BigInteger.ONE.shiftLeft(127);
        kinesis.splitShard(r -> r.streamName("s").shardToSplit("shardId-000000000000")
                .newStartingHashKey(middle.toString()));

        Map<String, Shard> shards = shards("s");
        assertEquals(3, shards.size());
        Shard parent = shards.get("shardId-000000000000");
        assertNotNull(parent.sequenceNumberRange().endingSequenceNumber());
        assertTrue(new BigInteger(parent.sequenceNumberRange().endingSequenceNumber())
                .compareTo(new BigInteger(first)) >= 0);
        Shard low = shards.get("shardId-000000000001");
        Shard high = shards.get("shardId-000000000002");
        assertEquals("shardId-000000000000", low.parentShardId());
        assertEquals(middle.subtract(BigInteger.ONE).toString(), low.hashKeyRange().endingHashKey());
        assertEquals(middle.toString(), high.hashKeyRange().startingHashKey());
        assertNull(low.sequenceNumberRange().endingSequenceNumber());

        // Writes now go to a child; the parent's reader gets its record, then the end with ChildShards.
        String after = put("s", "after");
        GetRecordsResponse read = kinesis.getRecords(r -> r.shardIterator(iterator));
        assertEquals(List.of("before"), read.records().stream().map(x -> x.data().asUtf8String()).toList());
        assertNull(read.nextShardIterator());
        assertEquals(List.of("shardId-000000000001", "shardId-000000000002"),
                read.childShards().stream().map(ChildShard::shardId).toList());
        assertEquals(List.of("shardId-000000000000"), read.childShards().get(0).parentShards());
        assertTrue(new BigInteger(after).compareTo(new BigInteger(first)) > 0);

        assertEquals(2, kinesis.listShards(r -> r.streamName("s")
                .shardFilter(f -> f.type(ShardFilterType.AT_LATEST))).shards().size());
        ResourceInUseException again = assertThrows(ResourceInUseException.class, () -> kinesis.splitShard(r -> r
                .streamName("s").shardToSplit("shardId-000000000000").newStartingHashKey(middle.toString())));
        assertTrue(again.awsErrorDetails().errorMessage().contains("has already been merged or split"));
    }

    @Test
    void mergeJoinsAdjacentShards() {
        kinesis.createStream(r -> r.streamName("m").shardCount(3));
        InvalidArgumentException notAdjacent = assertThrows(InvalidArgumentException.class, () -> kinesis.mergeShards(
                r -> r.streamName("m").shardToMerge("shardId-000000000000").adjacentShardToMerge("shardId-000000000002")));
        assertTrue(notAdjacent.awsErrorDetails().errorMessage().contains("not an adjacent pair"));
        kinesis.mergeShards(r -> r.streamName("m").shardToMerge("shardId-000000000001")
                .adjacentShardToMerge("shardId-000000000000"));
        Map<String, Shard> shards = shards("m");
        Shard child = shards.get("shardId-000000000003");
        assertEquals("shardId-000000000001", child.parentShardId());
        assertEquals("shardId-000000000000", child.adjacentParentShardId());
        assertEquals("0", child.hashKeyRange().startingHashKey());
        assertEquals(shards.get("shardId-000000000001").hashKeyRange().endingHashKey(),
                child.hashKeyRange().endingHashKey());
        assertNotNull(shards.get("shardId-000000000000").sequenceNumberRange().endingSequenceNumber());
        GetRecordsResponse end = kinesis.getRecords(r -> r.shardIterator(kinesis.getShardIterator(g -> g
                .streamName("m").shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator()));
        assertNull(end.nextShardIterator());
        assertEquals(List.of("shardId-000000000003"), end.childShards().stream().map(ChildShard::shardId).toList());
        assertEquals(List.of("shardId-000000000001", "shardId-000000000000"), end.childShards().get(0).parentShards());
    }

    @Test
    void updateShardCountScalesUniformly() {
        kinesis.createStream(r -> r.streamName("u").shardCount(2));
        UpdateShardCountResponse response = kinesis.updateShardCount(r -> r.streamName("u").targetShardCount(4)
                .scalingType(ScalingType.UNIFORM_SCALING));
        assertEquals(2, response.currentShardCount());
        assertEquals(4, response.targetShardCount());
        List<Shard> open = kinesis.listShards(r -> r.streamName("u")
                .shardFilter(f -> f.type(ShardFilterType.AT_LATEST))).shards();
        assertEquals(4, open.size());
        assertEquals("0", open.get(0).hashKeyRange().startingHashKey());
        assertEquals(HashKeys.MAX.toString(), open.get(3).hashKeyRange().endingHashKey());
        for (int i = 1; i < 4; i++) {
            assertEquals(new BigInteger(open.get(i - 1).hashKeyRange().endingHashKey()).add(BigInteger.ONE),
                    new BigInteger(open.get(i).hashKeyRange().startingHashKey()));
        }
        assertEquals(6, shards("u").size());
        assertEquals(4, kinesis.describeStreamSummary(r -> r.streamName("u")).streamDescriptionSummary()
                .openShardCount());
        assertThrows(InvalidArgumentException.class, () -> kinesis.updateShardCount(r -> r.streamName("u")
                .targetShardCount(9).scalingType(ScalingType.UNIFORM_SCALING)));
        // Reading a closed parent to its end leads to the new shards over its hash keys.
        GetRecordsResponse end = kinesis.getRecords(r -> r.shardIterator(kinesis.getShardIterator(g -> g
                .streamName("u").shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator()));
        assertNull(end.nextShardIterator());
        assertEquals(List.of("shardId-000000000002", "shardId-000000000003"),
                end.childShards().stream().map(ChildShard::shardId).toList());
        // Every record still lands in an open shard.
        for (int i = 0; i < 50; i++) {
            String shardId = kinesis.putRecord(r -> r.streamName("u").partitionKey(java.util.UUID.randomUUID()
                    .toString()).data(SdkBytes.fromUtf8String("x"))).shardId();
            assertTrue(open.stream().anyMatch(s -> s.shardId().equals(shardId)), shardId);
        }
    }
}

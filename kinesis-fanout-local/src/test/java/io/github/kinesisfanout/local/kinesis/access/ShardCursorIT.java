package io.github.kinesisfanout.local.kinesis.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ScalingType;

/**
 * The shard cursor and the lineage rule over the real Kinesis service: streams written and
 * resharded with an SDK client, read with {@link KinesisStreamAccess}.
 */
class ShardCursorIT {

    private static final String SHARD_0 = "shardId-000000000000";
    private static final String SHARD_1 = "shardId-000000000001";
    private static final String SHARD_2 = "shardId-000000000002";

    private LocalCloud cloud;
    private KinesisClient kinesis;
    private StreamAccess streams;
    private String arn;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().build().start();
        kinesis = SdkClients.client(KinesisClient.builder(), cloud.endpoint());
        streams = new KinesisStreamAccess(cloud::kinesis);
        kinesis.createStream(b -> b.streamName("cursor").shardCount(1));
        arn = kinesis.describeStreamSummary(b -> b.streamName("cursor")).streamDescriptionSummary().streamARN();
    }

    @AfterEach
    void stop() {
        kinesis.close();
        cloud.close();
    }

    private String put(String data) {
        return kinesis.putRecord(b -> b.streamName("cursor").partitionKey("k")
                .data(SdkBytes.fromUtf8String(data))).sequenceNumber();
    }

    private static List<String> data(ReadResult result) {
        return result.records().stream().map(r -> new String(r.data(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void latestIsPinnedWhenOpenedSoARecordPutBeforeTheFirstReadIsRead() {
        put("before");
        ShardCursor cursor = ShardCursor.open(streams, arn, SHARD_0, StartingPosition.latest());
        put("after");
        assertEquals(List.of("after"), data(cursor.read(100)));
        assertEquals(List.of(), data(cursor.read(100)));
        assertFalse(cursor.ended());
    }

    @Test
    void trimHorizonAfterSequenceNumberAndAtTimestampStartWhereGetShardIteratorWould() {
        String first = put("a");
        put("b");
        put("c");
        assertEquals(List.of("a", "b", "c"), data(ShardCursor.open(streams, arn, SHARD_0,
                StartingPosition.trimHorizon()).read(100)));
        assertEquals(List.of("b", "c"), data(ShardCursor.open(streams, arn, SHARD_0,
                StartingPosition.afterSequenceNumber(first)).read(100)));
        ShardCursor limited = ShardCursor.open(streams, arn, SHARD_0, StartingPosition.trimHorizon());
        assertEquals(List.of("a", "b"), data(limited.read(2)));
        assertEquals(List.of("c"), data(limited.read(2)));
        Instant future = Instant.now().plusSeconds(3600);
        assertEquals(List.of(), data(ShardCursor.open(streams, arn, SHARD_0, StartingPosition.atTimestamp(future)).read(100)));
        assertEquals(List.of("a", "b", "c"), data(ShardCursor.open(streams, arn, SHARD_0,
                StartingPosition.atTimestamp(Instant.EPOCH)).read(100)));
    }

    @Test
    void aWaitReturnsFalseWithoutDataAndTrueOnceARecordIsThere() throws InterruptedException {
        ShardCursor cursor = ShardCursor.open(streams, arn, SHARD_0, StartingPosition.latest());
        assertFalse(cursor.awaitData(Duration.ofMillis(50)));
        put("x");
        assertTrue(cursor.awaitData(Duration.ofMillis(50)));
    }

    @Test
    void aSplitParentEndsWithItsChildrenWhichAreReadyOnlyOnceItIsReadToTheEnd() {
        put("a");
        put("b");
        kinesis.splitShard(b -> b.streamName("cursor").shardToSplit(SHARD_0)
                .newStartingHashKey(BigInteger.TWO.pow(127).toString()));
        put("c");
        List<ShardInfo> shards = streams.listShards(arn);
        assertEquals(List.of(SHARD_0), ids(ShardLineage.readyToRead(shards, id -> false, id -> false)));

        ShardCursor parent = ShardCursor.open(streams, arn, SHARD_0, StartingPosition.trimHorizon());
        ReadResult read = parent.read(100);
        assertEquals(List.of("a", "b"), data(read));
        assertTrue(parent.ended());
        assertEquals(Set.of(SHARD_1, SHARD_2), Set.copyOf(ids(parent.childShards())));
        assertThrows(IllegalStateException.class, () -> parent.read(100));

        assertEquals(List.of(), ids(ShardLineage.readyToRead(shards, SHARD_0::equals, id -> false)));
        assertEquals(List.of(SHARD_1, SHARD_2), ids(ShardLineage.readyToRead(shards, SHARD_0::equals, SHARD_0::equals)));
    }

    @Test
    void aMergedChildWaitsForBothParents() {
        kinesis.updateShardCount(b -> b.streamName("cursor").targetShardCount(2)
                .scalingType(ScalingType.UNIFORM_SCALING));
        // shardId-000000000000 closed; its children 1 and 2 are merged into 3.
        kinesis.mergeShards(b -> b.streamName("cursor").shardToMerge(SHARD_1).adjacentShardToMerge(SHARD_2));
        List<ShardInfo> shards = streams.listShards(arn);
        ShardInfo merged = shards.get(3);
        assertEquals(SHARD_1, merged.parentShardId());
        assertEquals(SHARD_2, merged.adjacentParentShardId());
        Set<String> read = Set.of(SHARD_0, SHARD_1);
        assertEquals(List.of(SHARD_2), ids(ShardLineage.readyToRead(shards, read::contains, read::contains)));
        Set<String> all = Set.of(SHARD_0, SHARD_1, SHARD_2);
        assertEquals(List.of("shardId-000000000003"), ids(ShardLineage.readyToRead(shards, all::contains, all::contains)));
    }

    @Test
    void aParentPastRetentionNoLongerListedCountsAsRead() {
        ShardInfo orphan = new ShardInfo("shardId-000000000005", "shardId-000000000004", null, null, null, "0", null);
        assertEquals(List.of(orphan), ShardLineage.readyToRead(List.of(orphan), id -> false, id -> false));
    }

    @Test
    void anUnknownStreamAndANonStreamArnAreRefused() {
        AwsServiceException missing = assertThrows(AwsServiceException.class,
                () -> streams.listShards(arn.replace("/cursor", "/missing")));
        assertEquals("ResourceNotFoundException", missing.errorCode());
        AwsServiceException wrong = assertThrows(AwsServiceException.class,
                () -> streams.listShards("arn:aws:s3:::bucket"));
        assertEquals("InvalidArgumentException", wrong.errorCode());
        assertEquals("Not a Kinesis stream ARN: arn:aws:s3:::bucket", wrong.getMessage());
    }

    private static List<String> ids(List<ShardInfo> shards) {
        return shards.stream().map(ShardInfo::shardId).toList();
    }
}

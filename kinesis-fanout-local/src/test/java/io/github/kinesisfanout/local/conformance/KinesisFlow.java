package io.github.kinesisfanout.local.conformance;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Valid requests for every Kinesis operation the local cloud implements, plus a few that fail. */
final class KinesisFlow {

    private KinesisFlow() {
    }

    static String run(KinesisClient kinesis) {
        kinesis.createStream(r -> r.streamName("conform").shardCount(1));
        kinesis.describeStream(r -> r.streamName("conform"));
        String arn = kinesis.describeStreamSummary(r -> r.streamName("conform")).streamDescriptionSummary().streamARN();
        kinesis.listStreams(r -> r.limit(10));
        kinesis.listShards(r -> r.streamName("conform"));
        kinesis.putRecord(r -> r.streamName("conform").partitionKey("a").data(SdkBytes.fromUtf8String("{\"n\":1}")));
        kinesis.putRecords(r -> r.streamName("conform").records(PutRecordsRequestEntry.builder().partitionKey("b")
                .data(SdkBytes.fromUtf8String("{\"n\":2}")).build()));
        String iterator = kinesis.getShardIterator(r -> r.streamName("conform").shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        kinesis.getRecords(r -> r.shardIterator(iterator));
        kinesis.increaseStreamRetentionPeriod(r -> r.streamName("conform").retentionPeriodHours(48));
        kinesis.decreaseStreamRetentionPeriod(r -> r.streamName("conform").retentionPeriodHours(24));
        kinesis.addTagsToStream(r -> r.streamName("conform").tags(java.util.Map.of("team", "data")));
        kinesis.listTagsForStream(r -> r.streamName("conform"));
        kinesis.removeTagsFromStream(r -> r.streamName("conform").tagKeys("team"));
        kinesis.splitShard(r -> r.streamName("conform").shardToSplit("shardId-000000000000")
                .newStartingHashKey("170141183460469231731687303715884105728"));
        kinesis.mergeShards(r -> r.streamName("conform").shardToMerge("shardId-000000000001")
                .adjacentShardToMerge("shardId-000000000002"));
        kinesis.updateShardCount(r -> r.streamName("conform").targetShardCount(2).scalingType("UNIFORM_SCALING"));
        kinesis.updateStreamMode(r -> r.streamARN(arn).streamModeDetails(m -> m.streamMode("ON_DEMAND")));
        kinesis.describeLimits(r -> { });
        kinesis.describeStream(r -> r.streamName("conform"));
        Clients.expectError(() -> kinesis.describeStream(r -> r.streamName("missing")));
        Clients.expectError(() -> kinesis.createStream(r -> r.streamName("conform").shardCount(1)));
        Clients.expectError(() -> kinesis.listStreamConsumers(r -> r.streamARN(arn)));
        kinesis.createStream(r -> r.streamName("doomed").shardCount(1));
        kinesis.deleteStream(r -> r.streamName("doomed"));
        return arn;
    }
}

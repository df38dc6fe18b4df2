package io.github.kinesisfanout.local.lambda.esm;

import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.KinesisService;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads a stream through the Kinesis service's typed Java API, in the account and region named
 * by the stream ARN, and waits on its new-data signal instead of polling. Iterators are the typed
 * API's starting positions written as text ({@code shardId|TYPE|sequenceNumber|epochMillis}).
 */
public final class KinesisTypedSource implements StreamSource {

    private final Supplier<KinesisService> kinesis;

    /** @param kinesis the Kinesis service, looked up when first used */
    public KinesisTypedSource(Supplier<KinesisService> kinesis) {
        this.kinesis = kinesis;
    }

    @Override
    public List<String> shardIds(String streamArn) {
        return kinesis.get().listShards(context(streamArn), streamName(streamArn)).stream().map(ShardInfo::shardId).toList();
    }

    @Override
    public Map<String, List<String>> shardParents(String streamArn) {
        Map<String, List<String>> parents = new HashMap<>();
        for (ShardInfo shard : kinesis.get().listShards(context(streamArn), streamName(streamArn))) {
            List<String> ids = new ArrayList<>();
            if (shard.parentShardId() != null) {
                ids.add(shard.parentShardId());
            }
            if (shard.adjacentParentShardId() != null) {
                ids.add(shard.adjacentParentShardId());
            }
            parents.put(shard.shardId(), ids);
        }
        return parents;
    }

    @Override
    public String shardIterator(String streamArn, String shardId, String type, String sequenceNumber, Instant timestamp) {
        return encode(shardId, new StartingPosition(type, sequenceNumber, timestamp));
    }

    @Override
    public Batch getRecords(String streamArn, String iterator, int limit) {
        String shardId = iterator.substring(0, iterator.indexOf('|'));
        ReadResult read = kinesis.get().getRecords(context(streamArn), streamName(streamArn), shardId,
                decode(iterator), limit);
        List<StreamRecord> records = new ArrayList<>();
        for (KinesisRecord record : read.records()) {
            records.add(new StreamRecord(record.sequenceNumber(), record.partitionKey(), record.data(),
                    record.approximateArrivalTimestamp(), null));
        }
        return new Batch(records, read.nextPosition() == null ? null : encode(shardId, read.nextPosition()),
                read.millisBehindLatest());
    }

    @Override
    public boolean signalsNewData() {
        return true;
    }

    @Override
    public boolean awaitData(String streamArn, String iterator, Duration timeout) throws InterruptedException {
        String shardId = iterator.substring(0, iterator.indexOf('|'));
        return kinesis.get().awaitData(context(streamArn), streamName(streamArn), shardId, decode(iterator), timeout);
    }

    private static String encode(String shardId, StartingPosition position) {
        return shardId + "|" + position.type() + "|" + (position.sequenceNumber() == null ? "" : position.sequenceNumber())
                + "|" + (position.timestamp() == null ? "" : Long.toString(position.timestamp().toEpochMilli()));
    }

    private static StartingPosition decode(String iterator) {
        String[] parts = iterator.split("\\|", -1);
        return new StartingPosition(parts[1], parts[2].isEmpty() ? null : parts[2],
                parts[3].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[3])));
    }

    /** The stream name of {@code arn:aws:kinesis:REGION:ACCOUNT:stream/NAME}. */
    static String streamName(String streamArn) {
        return streamArn.substring(streamArn.indexOf(":stream/") + ":stream/".length());
    }

    static RequestContext context(String streamArn) {
        String[] parts = streamArn.split(":");
        return new RequestContext(UUID.randomUUID().toString(), parts[4], parts[3]);
    }
}

package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.KinesisService;
import io.github.kinesisfanout.local.kinesis.PutRecordsEntry;
import io.github.kinesisfanout.local.kinesis.PutRecordsResultEntry;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link StreamAccess} over the Kinesis service's typed Java API: streams addressed by ARN (its
 * account and region win), iterators as encoded positions, and the service's new-data signal.
 */
final class KinesisStreamAccess implements StreamAccess {

    private final Supplier<KinesisService> kinesis;

    KinesisStreamAccess(Supplier<KinesisService> kinesis) {
        this.kinesis = kinesis;
    }

    @Override
    public List<Shard> listShards(String streamArn) {
        List<Shard> shards = new ArrayList<>();
        for (ShardInfo info : kinesis.get().listShards(context(streamArn), name(streamArn))) {
            shards.add(new Shard(info.shardId(), info.parentShardId(), info.adjacentParentShardId(), !info.isOpen()));
        }
        return shards;
    }

    @Override
    public String shardIterator(String streamArn, String shardId, String type, String sequenceNumber, long timestampMillis) {
        StartingPosition position = switch (type) {
            case ShardPosition.AFTER -> StartingPosition.afterSequenceNumber(sequenceNumber);
            case ShardPosition.AT_TIMESTAMP -> StartingPosition.atTimestamp(Instant.ofEpochMilli(timestampMillis));
            case ShardPosition.TRIM_HORIZON -> StartingPosition.trimHorizon();
            case ShardPosition.LATEST -> fixedLatest(streamArn, shardId);
            default -> throw new IllegalArgumentException("no iterator for " + type);
        };
        return encode(shardId, position);
    }

    /** LATEST re-resolves on every read, so pin it to the shard's tip now. */
    private StartingPosition fixedLatest(String streamArn, String shardId) {
        io.github.kinesisfanout.local.kinesis.ReadResult tip = kinesis.get().getRecords(context(streamArn), name(streamArn), shardId, StartingPosition.latest(), 1);
        if (!tip.records().isEmpty()) {
            return StartingPosition.atSequenceNumber(tip.records().get(0).sequenceNumber());
        }
        return tip.nextPosition() == null ? StartingPosition.latest() : tip.nextPosition();
    }

    @Override
    public ReadResult getRecords(String streamArn, String iterator, int limit) {
        String shardId = shardOf(iterator);
        io.github.kinesisfanout.local.kinesis.ReadResult result = kinesis.get().getRecords(context(streamArn), name(streamArn), shardId, decode(iterator), limit);
        List<IncomingRecord> records = new ArrayList<>(result.records().size());
        for (KinesisRecord record : result.records()) {
            records.add(new IncomingRecord(record.data(), record.partitionKey(), record.sequenceNumber(),
                    record.approximateArrivalTimestamp().toEpochMilli()));
        }
        return new ReadResult(records,
                result.nextPosition() == null ? null : encode(shardId, result.nextPosition()),
                result.childShards().stream().map(child -> child.shardId()).toList());
    }

    @Override
    public List<String> putRecords(String streamArn, List<OutgoingRecord> records) {
        List<PutRecordsEntry> entries = new ArrayList<>(records.size());
        for (OutgoingRecord record : records) {
            entries.add(new PutRecordsEntry(record.partitionKey(), record.data()));
        }
        List<String> errors = new ArrayList<>(records.size());
        for (PutRecordsResultEntry result : kinesis.get().putRecords(context(streamArn), name(streamArn), entries)) {
            errors.add(result.failed() ? result.errorCode() : null);
        }
        return errors;
    }

    @Override
    public void awaitNewData(String streamArn, String shardId, String iterator, long timeoutMillis)
            throws InterruptedException {
        if (iterator == null) {
            kinesis.get().awaitData(context(streamArn), name(streamArn), shardId, StartingPosition.latest(),
                    Duration.ofMillis(timeoutMillis));
        } else {
            kinesis.get().awaitData(context(streamArn), name(streamArn), shardId, decode(iterator),
                    Duration.ofMillis(timeoutMillis));
        }
    }

    /** arn:aws:kinesis:REGION:ACCOUNT:stream/NAME: calls go to the ARN's account and region. */
    private static RequestContext context(String streamArn) {
        String[] parts = streamArn.split(":", 6);
        if (parts.length != 6) {
            throw AnalyticsErrors.invalidArgument("Not a Kinesis stream ARN: " + streamArn);
        }
        return new RequestContext(UUID.randomUUID().toString(), parts[4], parts[3]);
    }

    private static String name(String streamArn) {
        int slash = streamArn.indexOf("stream/");
        if (slash < 0) {
            throw AnalyticsErrors.invalidArgument("Not a Kinesis stream ARN: " + streamArn);
        }
        return streamArn.substring(slash + "stream/".length());
    }

    private static String encode(String shardId, StartingPosition position) {
        return shardId + "|" + position.type() + "|" + (position.sequenceNumber() == null ? "" : position.sequenceNumber())
                + "|" + (position.timestamp() == null ? "" : position.timestamp().toEpochMilli());
    }

    private static String shardOf(String iterator) {
        return iterator.substring(0, iterator.indexOf('|'));
    }

    private static StartingPosition decode(String iterator) {
        String[] parts = iterator.split("\\|", -1);
        return new StartingPosition(parts[1], parts[2].isEmpty() ? null : parts[2],
                parts[3].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[3])));
    }
}

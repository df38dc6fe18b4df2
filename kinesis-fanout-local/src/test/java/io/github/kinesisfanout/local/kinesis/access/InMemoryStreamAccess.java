package io.github.kinesisfanout.local.kinesis.access;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.PutRecordsEntry;
import io.github.kinesisfanout.local.kinesis.PutRecordsResultEntry;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one in-memory {@link StreamAccess} of the tests: streams of shards, resharding (a shard
 * closes and gets one child), writes that can be made to fail, and a new-data signal. A record's
 * sequence number is 10^55 + shard number x 10^20 + its offset in the shard, so positions past the
 * tip can be named as the real service names them.
 */
public final class InMemoryStreamAccess implements StreamAccess {

    private static final BigInteger BASE = BigInteger.TEN.pow(55);
    private static final BigInteger SHARD_STEP = BigInteger.TEN.pow(20);

    private final Map<String, Map<String, ShardData>> streams = new LinkedHashMap<>();
    /** Entries of PutRecords to fail, counted down. */
    public int failNextPuts;

    private static final class ShardData {
        final int number;
        final List<KinesisRecord> records = new ArrayList<>();
        String parent;
        boolean closed;
        final List<String> children = new ArrayList<>();

        ShardData(int number) {
            this.number = number;
        }
    }

    public static String shardId(int number) {
        return String.format("shardId-%012d", number);
    }

    public synchronized void createStream(String arn, int shards) {
        Map<String, ShardData> data = new LinkedHashMap<>();
        for (int i = 0; i < shards; i++) {
            data.put(shardId(i), new ShardData(i));
        }
        streams.put(arn, data);
    }

    /** Closes a shard and adds one child shard, as a split or merge would; answers the child's id. */
    public synchronized String reshard(String arn, String shardId) {
        Map<String, ShardData> data = stream(arn);
        ShardData parent = shard(arn, shardId);
        parent.closed = true;
        ShardData child = new ShardData(data.size());
        child.parent = shardId;
        data.put(shardId(child.number), child);
        parent.children.add(shardId(child.number));
        notifyAll();
        return shardId(child.number);
    }

    /** Appends a record to a shard, arrived now. */
    public synchronized void put(String arn, String shardId, String partitionKey, byte[] data) {
        ShardData shard = shard(arn, shardId);
        if (shard.closed) {
            throw new IllegalStateException(shardId + " is closed");
        }
        shard.records.add(new KinesisRecord(sequenceNumber(shard, shard.records.size()), Instant.now(), data,
                partitionKey));
        notifyAll();
    }

    /** Appends a UTF-8 record to the stream's first open shard. */
    public void put(String arn, String partitionKey, String data) {
        put(arn, firstOpen(arn), partitionKey, data.getBytes(StandardCharsets.UTF_8));
    }

    /** Every record of every shard of a stream, shard by shard. */
    public synchronized List<KinesisRecord> all(String arn) {
        List<KinesisRecord> all = new ArrayList<>();
        stream(arn).values().forEach(shard -> all.addAll(shard.records));
        return all;
    }

    @Override
    public synchronized List<ShardInfo> listShards(String streamArn) {
        List<ShardInfo> shards = new ArrayList<>();
        stream(streamArn).forEach((id, shard) -> shards.add(new ShardInfo(id, shard.parent, null, null, null,
                sequenceNumber(shard, 0), shard.closed ? sequenceNumber(shard, shard.records.size()) : null)));
        return shards;
    }

    @Override
    public synchronized ReadResult read(String streamArn, String shardId, StartingPosition from, int limit) {
        ShardData shard = shard(streamArn, shardId);
        int offset = offsetOf(shard, from);
        int end = Math.min(shard.records.size(), offset + limit);
        List<KinesisRecord> records = new ArrayList<>(shard.records.subList(Math.min(offset, end), end));
        if (shard.closed && end == shard.records.size()) {
            List<ShardInfo> children = listShards(streamArn).stream()
                    .filter(info -> shard.children.contains(info.shardId())).toList();
            return new ReadResult(records, null, 0, children);
        }
        long behind = end < shard.records.size()
                ? Math.max(1, System.currentTimeMillis() - shard.records.get(end).approximateArrivalTimestamp().toEpochMilli())
                : 0;
        return new ReadResult(records, StartingPosition.atSequenceNumber(sequenceNumber(shard, Math.max(offset, end))),
                behind, List.of());
    }

    @Override
    public synchronized boolean awaitData(String streamArn, String shardId, StartingPosition from, Duration timeout)
            throws InterruptedException {
        ShardData shard = shard(streamArn, shardId);
        int offset = offsetOf(shard, from);
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (shard.records.size() <= offset && !shard.closed) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return shard.records.size() > offset;
    }

    @Override
    public synchronized List<PutRecordsResultEntry> putRecords(String streamArn, List<PutRecordsEntry> records) {
        String open = firstOpen(streamArn);
        List<PutRecordsResultEntry> results = new ArrayList<>();
        for (PutRecordsEntry record : records) {
            if (failNextPuts > 0) {
                failNextPuts--;
                results.add(new PutRecordsResultEntry(null, null, "ProvisionedThroughputExceededException",
                        "Rate exceeded for shard " + open));
                continue;
            }
            put(streamArn, open, record.partitionKey(), record.data());
            List<KinesisRecord> shardRecords = shard(streamArn, open).records;
            results.add(new PutRecordsResultEntry(open, shardRecords.get(shardRecords.size() - 1).sequenceNumber(),
                    null, null));
        }
        return results;
    }

    private static String sequenceNumber(ShardData shard, int offset) {
        return BASE.add(SHARD_STEP.multiply(BigInteger.valueOf(shard.number))).add(BigInteger.valueOf(offset)).toString();
    }

    private static int offsetOf(ShardData shard, StartingPosition position) {
        return switch (position.type()) {
            case "TRIM_HORIZON" -> 0;
            case "LATEST" -> shard.records.size();
            case "AT_SEQUENCE_NUMBER" -> offsetOf(position.sequenceNumber());
            case "AFTER_SEQUENCE_NUMBER" -> offsetOf(position.sequenceNumber()) + 1;
            case "AT_TIMESTAMP" -> (int) shard.records.stream()
                    .filter(r -> r.approximateArrivalTimestamp().isBefore(position.timestamp())).count();
            default -> throw new IllegalArgumentException(position.type());
        };
    }

    private static int offsetOf(String sequenceNumber) {
        return new BigInteger(sequenceNumber).subtract(BASE).mod(SHARD_STEP).intValueExact();
    }

    private String firstOpen(String arn) {
        synchronized (this) {
            return stream(arn).entrySet().stream().filter(e -> !e.getValue().closed).findFirst().orElseThrow().getKey();
        }
    }

    private ShardData shard(String arn, String shardId) {
        ShardData shard = stream(arn).get(shardId);
        if (shard == null) {
            throw new AwsServiceException("ResourceNotFoundException", "Shard " + shardId + " in stream " + arn
                    + " does not exist.");
        }
        return shard;
    }

    private Map<String, ShardData> stream(String arn) {
        Map<String, ShardData> data = streams.get(arn);
        if (data == null) {
            throw new AwsServiceException("ResourceNotFoundException", "Stream " + arn + " not found.");
        }
        return data;
    }
}

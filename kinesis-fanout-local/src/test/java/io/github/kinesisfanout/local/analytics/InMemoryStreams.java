package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small in-memory {@link StreamAccess} for runner tests: shards, splits, iterators as offsets. */
final class InMemoryStreams implements StreamAccess {

    private final Map<String, Map<String, ShardData>> streams = new LinkedHashMap<>();
    private long sequence = 1000;
    /** Entries of PutRecords to fail once, counted down. */
    int failNextPuts;

    private static final class ShardData {
        final List<IncomingRecord> records = new ArrayList<>();
        String parent;
        boolean closed;
        final List<String> children = new ArrayList<>();
    }

    synchronized void createStream(String arn, int shards) {
        Map<String, ShardData> data = new LinkedHashMap<>();
        for (int i = 0; i < shards; i++) {
            data.put(shardId(i), new ShardData());
        }
        streams.put(arn, data);
    }

    /** Closes a shard and adds one child shard, as a split or merge would. */
    synchronized String reshard(String arn, String shardId) {
        Map<String, ShardData> data = streams.get(arn);
        ShardData parent = data.get(shardId);
        parent.closed = true;
        String child = shardId(data.size());
        ShardData childData = new ShardData();
        childData.parent = shardId;
        data.put(child, childData);
        parent.children.add(child);
        notifyAll();
        return child;
    }

    synchronized void put(String arn, String shardId, String partitionKey, byte[] data) {
        ShardData shard = streams.get(arn).get(shardId);
        if (shard.closed) {
            throw new IllegalStateException("closed");
        }
        shard.records.add(new IncomingRecord(data, partitionKey, String.valueOf(sequence++), System.currentTimeMillis()));
        notifyAll();
    }

    /** Every record of every shard of a stream, shard by shard. */
    synchronized List<IncomingRecord> all(String arn) {
        List<IncomingRecord> all = new ArrayList<>();
        streams.get(arn).values().forEach(shard -> all.addAll(shard.records));
        return all;
    }

    @Override
    public synchronized List<Shard> listShards(String streamArn) {
        Map<String, ShardData> data = stream(streamArn);
        List<Shard> shards = new ArrayList<>();
        data.forEach((id, shard) -> shards.add(new Shard(id, shard.parent, null, shard.closed)));
        return shards;
    }

    @Override
    public synchronized String shardIterator(String streamArn, String shardId, String type, String sequenceNumber,
            long timestampMillis) {
        List<IncomingRecord> records = stream(streamArn).get(shardId).records;
        int offset = switch (type) {
            case "TRIM_HORIZON" -> 0;
            case "LATEST" -> records.size();
            case "AT_TIMESTAMP" -> (int) records.stream().filter(r -> r.arrivalMillis() < timestampMillis).count();
            case "AFTER_SEQUENCE_NUMBER" -> indexOf(records, sequenceNumber) + 1;
            default -> throw new IllegalArgumentException(type);
        };
        return streamArn + "|" + shardId + "|" + offset;
    }

    @Override
    public synchronized ReadResult getRecords(String streamArn, String iterator, int limit) {
        String[] parts = iterator.split("\\|");
        ShardData shard = stream(parts[0]).get(parts[1]);
        int offset = Integer.parseInt(parts[2]);
        int end = Math.min(shard.records.size(), offset + limit);
        List<IncomingRecord> records = new ArrayList<>(shard.records.subList(offset, end));
        boolean exhausted = shard.closed && end == shard.records.size();
        return new ReadResult(records, exhausted ? null : parts[0] + "|" + parts[1] + "|" + end,
                exhausted ? List.copyOf(shard.children) : List.of());
    }

    @Override
    public synchronized List<String> putRecords(String streamArn, List<OutgoingRecord> records) {
        Map<String, ShardData> data = stream(streamArn);
        String open = data.entrySet().stream().filter(e -> !e.getValue().closed).findFirst().orElseThrow().getKey();
        List<String> errors = new ArrayList<>();
        for (OutgoingRecord record : records) {
            if (failNextPuts > 0) {
                failNextPuts--;
                errors.add("ProvisionedThroughputExceededException");
                continue;
            }
            put(streamArn, open, record.partitionKey(), record.data());
            errors.add(null);
        }
        return errors;
    }

    @Override
    public synchronized void awaitNewData(String streamArn, String shardId, String iterator, long timeoutMillis) throws InterruptedException {
        wait(timeoutMillis);
    }

    private Map<String, ShardData> stream(String arn) {
        Map<String, ShardData> data = streams.get(arn);
        if (data == null) {
            throw new AwsServiceException("ResourceNotFoundException", "Stream " + arn + " not found.");
        }
        return data;
    }

    private static int indexOf(List<IncomingRecord> records, String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + sequenceNumber);
    }

    static String shardId(int i) {
        return String.format("shardId-%012d", i);
    }
}

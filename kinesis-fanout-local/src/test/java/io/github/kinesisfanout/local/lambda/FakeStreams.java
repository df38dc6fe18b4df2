package io.github.kinesisfanout.local.lambda;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.lambda.esm.StreamRecord;
import io.github.kinesisfanout.local.lambda.esm.StreamSource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory single-shard stream per ARN, for testing event source mappings without the Kinesis service. */
final class FakeStreams implements StreamSource {

    static final String SHARD = "shardId-000000000000";
    private final Map<String, List<StreamRecord>> streams = new ConcurrentHashMap<>();

    void create(String arn) {
        streams.put(arn, new CopyOnWriteArrayList<>());
    }

    synchronized void put(String arn, String partitionKey, String data) {
        List<StreamRecord> records = records(arn);
        String sequence = BigInteger.TEN.pow(55).add(BigInteger.valueOf(records.size())).toString();
        records.add(new StreamRecord(sequence, partitionKey, data.getBytes(StandardCharsets.UTF_8), Instant.now(), null));
        notifyAll();
    }

    @Override
    public List<String> shardIds(String streamArn) {
        records(streamArn);
        return List.of(SHARD);
    }

    @Override
    public String shardIterator(String streamArn, String shardId, String type, String sequenceNumber, Instant timestamp) {
        List<StreamRecord> records = records(streamArn);
        int position = switch (type) {
            case "TRIM_HORIZON" -> 0;
            case "LATEST" -> records.size();
            case "AFTER_SEQUENCE_NUMBER" -> indexOf(records, sequenceNumber) + 1;
            case "AT_TIMESTAMP" -> (int) records.stream().filter(r -> r.arrival().isBefore(timestamp)).count();
            default -> throw new IllegalArgumentException(type);
        };
        return Integer.toString(position);
    }

    @Override
    public Batch getRecords(String streamArn, String iterator, int limit) {
        List<StreamRecord> records = records(streamArn);
        int from = Integer.parseInt(iterator);
        int to = Math.min(records.size(), from + limit);
        return new Batch(new ArrayList<>(records.subList(from, to)), Integer.toString(to), 0);
    }

    @Override
    public boolean signalsNewData() {
        return true;
    }

    @Override
    public synchronized boolean awaitData(String streamArn, String iterator, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (records(streamArn).size() <= Integer.parseInt(iterator)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private List<StreamRecord> records(String arn) {
        List<StreamRecord> records = streams.get(arn);
        if (records == null) {
            throw new AwsServiceException("ResourceNotFoundException", "Stream " + arn + " not found", 400);
        }
        return records;
    }

    private static int indexOf(List<StreamRecord> records, String sequence) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequence)) {
                return i;
            }
        }
        return -1;
    }
}

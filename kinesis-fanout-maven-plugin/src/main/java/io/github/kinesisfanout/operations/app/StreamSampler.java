package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Reads a bounded sample of a stream's records with ListShards, GetShardIterator and GetRecords:
 * every shard from the starting position until the sample is full, every shard has caught up
 * (from LATEST: once something arrived), or the time is up.
 */
public final class StreamSampler {

    private static final long IDLE_PAUSE_MILLIS = 250;

    /**
     * What to sample.
     *
     * @param startingPosition {@code TRIM_HORIZON}, {@code LATEST} or {@code AT_TIMESTAMP}
     * @param timestamp the first arrival time read, for {@code AT_TIMESTAMP} only
     * @param maxRecords the sample size, at least 1
     * @param timeout how long sampling may take
     */
    public record Settings(String startingPosition, Instant timestamp, int maxRecords, Duration timeout) {
    }

    private final KinesisClient kinesis;
    private final ProgressListener listener;

    public StreamSampler(KinesisClient kinesis, ProgressListener listener) {
        this.kinesis = kinesis;
        this.listener = listener;
    }

    /** The sampled records' data as UTF-8 text, shard by shard, at most {@code maxRecords}. */
    public List<String> sample(String streamArn, Settings settings) {
        boolean latest = "LATEST".equals(settings.startingPosition());
        Map<String, String> iterators = new LinkedHashMap<>();
        for (Shard shard : shards(streamArn)) {
            if (latest && shard.sequenceNumberRange().endingSequenceNumber() != null) {
                continue;
            }
            iterators.put(shard.shardId(), kinesis.getShardIterator(r -> r.streamARN(streamArn).shardId(shard.shardId())
                    .shardIteratorType(settings.startingPosition()).timestamp(settings.timestamp())).shardIterator());
        }
        List<String> records = new ArrayList<>();
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (records.size() < settings.maxRecords() && !iterators.isEmpty() && System.nanoTime() < deadline) {
            boolean allCaughtUp = true;
            boolean any = false;
            for (Map.Entry<String, String> entry : new ArrayList<>(iterators.entrySet())) {
                int limit = Math.min(10_000, settings.maxRecords() - records.size());
                GetRecordsResponse response;
                try {
                    response = kinesis.getRecords(r -> r.streamARN(streamArn).shardIterator(entry.getValue()).limit(limit));
                } catch (ProvisionedThroughputExceededException e) {
                    listener.debug("GetRecords on " + entry.getKey() + " throttled; retrying");
                    allCaughtUp = false;
                    continue;
                }
                for (Record record : response.records()) {
                    records.add(record.data().asUtf8String());
                }
                any |= response.hasRecords() && !response.records().isEmpty();
                boolean caughtUp = response.records().isEmpty()
                        && (response.millisBehindLatest() == null || response.millisBehindLatest() == 0);
                allCaughtUp &= caughtUp;
                if (response.nextShardIterator() == null || caughtUp && !latest) {
                    iterators.remove(entry.getKey());
                } else {
                    entry.setValue(response.nextShardIterator());
                }
                if (records.size() >= settings.maxRecords()) {
                    break;
                }
            }
            if (latest && allCaughtUp && !records.isEmpty()) {
                break;
            }
            if (!any && !iterators.isEmpty()) {
                pause(Math.min(IDLE_PAUSE_MILLIS, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
            }
        }
        return records;
    }

    private List<Shard> shards(String streamArn) {
        List<Shard> shards = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListShardsResponse page = kinesis.listShards(r -> {
                if (token == null) {
                    r.streamARN(streamArn);
                } else {
                    r.nextToken(token);
                }
            });
            shards.addAll(page.shards());
            next = page.nextToken();
        } while (next != null);
        return shards;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FanoutException("Interrupted while sampling the stream", e);
        }
    }
}

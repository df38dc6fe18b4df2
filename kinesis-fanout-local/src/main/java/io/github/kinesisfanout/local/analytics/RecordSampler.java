package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import io.github.kinesisfanout.local.kinesis.access.ShardCursor;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples up to {@value #MAX_RECORDS} records of a stream for DiscoverInputSchema (AWS does not
 * document its sample size): from TRIM_HORIZON it reads what is there; from NOW it waits up to
 * {@value #NOW_WAIT_MILLIS} ms for new records.
 */
final class RecordSampler {

    static final int MAX_RECORDS = 100;
    static final long NOW_WAIT_MILLIS = 1000;

    private final StreamAccess streams;

    RecordSampler(StreamAccess streams) {
        this.streams = streams;
    }

    List<String> sample(String streamArn, String startingPosition) throws InterruptedException {
        List<String> records = new ArrayList<>();
        for (Sampled sampled : sampleRecords(streamArn, startingPosition)) {
            records.add(new String(sampled.record().data(), StandardCharsets.UTF_8));
        }
        return records;
    }

    /** One sampled record and the shard it was read from. */
    record Sampled(String shardId, KinesisRecord record) {
    }

    /** The sampled records with their shards and metadata, in the order they were read. */
    List<Sampled> sampleRecords(String streamArn, String startingPosition) throws InterruptedException {
        boolean fromNow = "NOW".equals(startingPosition);
        List<ShardCursor> cursors = new ArrayList<>();
        for (ShardInfo shard : streams.listShards(streamArn)) {
            if (fromNow && !shard.isOpen()) {
                continue;
            }
            cursors.add(ShardCursor.open(streams, streamArn, shard.shardId(),
                    fromNow ? StartingPosition.latest() : StartingPosition.trimHorizon()));
        }
        cursors.removeIf(ShardCursor::ended);
        List<Sampled> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + NOW_WAIT_MILLIS;
        while (records.size() < MAX_RECORDS && !cursors.isEmpty()) {
            boolean any = false;
            for (ShardCursor cursor : new ArrayList<>(cursors)) {
                ReadResult result = cursor.read(MAX_RECORDS - records.size());
                for (KinesisRecord record : result.records()) {
                    records.add(new Sampled(cursor.shardId(), record));
                }
                any |= !result.records().isEmpty();
                if (cursor.ended()) {
                    cursors.remove(cursor);
                }
                if (records.size() >= MAX_RECORDS) {
                    break;
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (!any && (!fromNow || left <= 0 || !records.isEmpty())) {
                break;
            }
            if (!any && !cursors.isEmpty()) {
                cursors.get(0).awaitData(Duration.ofMillis(Math.min(left, 100)));
            }
        }
        return records;
    }
}

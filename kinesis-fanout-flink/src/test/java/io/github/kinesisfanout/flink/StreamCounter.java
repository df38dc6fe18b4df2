package io.github.kinesisfanout.flink;

import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts a stream's records incrementally through GetRecords, one iterator per shard from TRIM_HORIZON. */
final class StreamCounter {

    private final KinesisClient kinesis;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    long count;

    StreamCounter(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        for (Shard shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
            iterators.put(shard.shardId(), kinesis.getShardIterator(b -> b.streamName(stream)
                    .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
        }
    }

    /** Reads every shard up to its end; returns how many records this call counted. */
    long poll() {
        long before = count;
        for (Map.Entry<String, String> entry : iterators.entrySet()) {
            while (true) {
                String iterator = entry.getValue();
                GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(iterator).limit(10_000));
                count += response.records().size();
                entry.setValue(response.nextShardIterator());
                if (response.records().isEmpty()) {
                    break;
                }
            }
        }
        return count - before;
    }
}

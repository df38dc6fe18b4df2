package io.github.kinesisfanout.flink;

import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.KinesisService;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts a stream's records incrementally with the local cloud's in-JVM GetRecords (no HTTP, so counting costs the
 * measured engines little), one position per shard from TRIM_HORIZON, noting when it saw the first record.
 */
final class StreamCounter {

    private static final RequestContext CONTEXT = new RequestContext("bench", "000000000000", "us-east-1");

    private final KinesisService kinesis;
    private final String stream;
    private final Map<String, StartingPosition> positions = new LinkedHashMap<>();
    long count;
    /** System.nanoTime() when a read first returned records; 0 before. */
    long firstNanos;

    StreamCounter(KinesisService kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
        for (ShardInfo shard : kinesis.listShards(CONTEXT, stream)) {
            positions.put(shard.shardId(), StartingPosition.trimHorizon());
        }
    }

    /** Reads every shard up to its end; returns how many records this call counted. */
    long poll() {
        long before = count;
        for (Map.Entry<String, StartingPosition> entry : positions.entrySet()) {
            while (true) {
                ReadResult result = kinesis.getRecords(CONTEXT, stream, entry.getKey(), entry.getValue(), 10_000);
                if (firstNanos == 0 && !result.records().isEmpty()) {
                    firstNanos = System.nanoTime();
                }
                count += result.records().size();
                entry.setValue(result.nextPosition());
                if (result.records().isEmpty()) {
                    break;
                }
            }
        }
        return count - before;
    }
}

package io.github.kinesisfanout.local.analytics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        boolean fromNow = "NOW".equals(startingPosition);
        Map<String, String> iterators = new LinkedHashMap<>();
        for (StreamAccess.Shard shard : streams.listShards(streamArn)) {
            if (fromNow && shard.closed()) {
                continue;
            }
            iterators.put(shard.shardId(), streams.shardIterator(streamArn, shard.shardId(),
                    fromNow ? "LATEST" : "TRIM_HORIZON", null, 0));
        }
        List<String> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + NOW_WAIT_MILLIS;
        while (records.size() < MAX_RECORDS && !iterators.isEmpty()) {
            boolean any = false;
            for (Map.Entry<String, String> entry : new ArrayList<>(iterators.entrySet())) {
                StreamAccess.ReadResult result = streams.getRecords(streamArn, entry.getValue(), MAX_RECORDS - records.size());
                for (StreamAccess.IncomingRecord record : result.records()) {
                    records.add(new String(record.data(), StandardCharsets.UTF_8));
                }
                any |= !result.records().isEmpty();
                if (result.nextIterator() == null) {
                    iterators.remove(entry.getKey());
                } else {
                    entry.setValue(result.nextIterator());
                }
                if (records.size() >= MAX_RECORDS) {
                    break;
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (!any && (!fromNow || left <= 0 || !records.isEmpty())) {
                break;
            }
            if (!any && !iterators.isEmpty()) {
                Map.Entry<String, String> first = iterators.entrySet().iterator().next();
                streams.awaitNewData(streamArn, first.getKey(), first.getValue(), Math.min(left, 100));
            }
        }
        return records;
    }
}

package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.kinesis.PutRecordsEntry;
import io.github.kinesisfanout.local.kinesis.PutRecordsResultEntry;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A KinesisStreamsOutput: PutRecords batches of up to 500, each record under a random partition
 * key so rows spread over the stream's shards (AWS does not document the key it uses).
 */
final class KinesisDestination implements Destination {

    private final StreamAccess streams;
    private final String streamArn;

    KinesisDestination(StreamAccess streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
    }

    @Override
    public int maxBatch() {
        return 500;
    }

    @Override
    public List<Integer> deliver(List<byte[]> records) {
        List<PutRecordsEntry> entries = new ArrayList<>(records.size());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (byte[] data : records) {
            entries.add(new PutRecordsEntry(Long.toHexString(random.nextLong()), data));
        }
        List<PutRecordsResultEntry> results = streams.putRecords(streamArn, entries);
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).failed()) {
                failed.add(i);
            }
        }
        return failed;
    }
}

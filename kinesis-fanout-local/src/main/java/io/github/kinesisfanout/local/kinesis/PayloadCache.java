package io.github.kinesisfanout.local.kinesis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte budget of the record payloads the shards of a durable cloud keep in memory, shared by all
 * its streams: payloads enter in append order and the oldest leave first once the budget is passed
 * (they stay on disk, in their stream's segment log, where reads find them). An in-memory cloud keeps
 * every payload: {@link #UNBOUNDED}.
 */
final class PayloadCache {

    /** Keeps every payload (a cloud without a data directory has nowhere else to keep them). */
    static final PayloadCache UNBOUNDED = new PayloadCache(Long.MAX_VALUE);

    /** What a cached record costs beyond its data and partition key: the record, array and string headers. */
    static final int RECORD_OVERHEAD_BYTES = 96;

    private final long budgetBytes;
    private final ArrayDeque<Batch> batches = new ArrayDeque<>();
    private long cachedBytes;

    /** One append of a shard: its records up to {@code lastCounter}, {@code bytes} in memory. */
    private record Batch(ShardLog log, long lastCounter, long bytes) {
    }

    PayloadCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("memory budget must not be negative: " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** Whether payloads are ever dropped from memory. */
    boolean bounded() {
        return budgetBytes != Long.MAX_VALUE;
    }

    /**
     * Counts a shard's newly appended records, then drops the oldest cached payloads of any shard until
     * the budget holds. Called without any shard's monitor held (dropping takes the monitors one by one).
     */
    void admitted(ShardLog log, long lastCounter, long bytes) {
        if (!bounded()) {
            return;
        }
        List<Batch> evicted = new ArrayList<>();
        synchronized (this) {
            batches.addLast(new Batch(log, lastCounter, bytes));
            cachedBytes += bytes;
            while (cachedBytes > budgetBytes && !batches.isEmpty()) {
                Batch oldest = batches.pollFirst();
                cachedBytes -= oldest.bytes();
                evicted.add(oldest);
            }
        }
        for (Batch batch : evicted) {
            batch.log().uncacheUpTo(batch.lastCounter());
        }
    }

    /** The payload bytes counted as in memory now. */
    synchronized long cachedBytes() {
        return cachedBytes;
    }
}

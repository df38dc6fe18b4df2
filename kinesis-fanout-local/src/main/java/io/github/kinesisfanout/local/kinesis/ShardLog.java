package io.github.kinesisfanout.local.kinesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The append-only record log of one shard: records are numbered by consecutive counters from 1,
 * so a counter is also an array index; old records are trimmed from the front. One monitor guards
 * it, taken once per batch (not per record); readers waiting for data wait on it too.
 */
public final class ShardLog {

    private volatile RecordJournal journal;
    private final int shardIndex;
    private StoredRecord[] items = new StoredRecord[64];
    private int start;
    private int end;
    /** Counter of items[start] when the log is not empty, else of the next record. */
    private long firstCounter = 1;
    private long lastArrivalMillis;
    private boolean closed;

    /** A log kept in memory only. */
    ShardLog() {
        this(RecordJournal.NONE, 0);
    }

    /** A log whose appends also go to a journal (a data directory) before they are acknowledged. */
    ShardLog(RecordJournal journal, int shardIndex) {
        this.journal = journal;
        this.shardIndex = shardIndex;
    }

    /** Appends records in order; returns the counter of the first one, or -1 when the shard was closed. */
    synchronized long append(List<byte[]> data, List<String> partitionKeys, long nowMillis) {
        if (closed) {
            return -1;
        }
        int count = data.size();
        ensureCapacity(count);
        // Arrival times never go backwards within a shard, so AT_TIMESTAMP can binary search them.
        long arrival = Math.max(nowMillis, lastArrivalMillis);
        lastArrivalMillis = arrival;
        long first = nextCounter();
        // Journal first: a record that could not be written to disk is never readable.
        journal.write(shardIndex, first, arrival, data, partitionKeys);
        for (int i = 0; i < count; i++) {
            items[end] = new StoredRecord(first + i, data.get(i), partitionKeys.get(i), arrival);
            end++;
        }
        notifyAll();
        return first;
    }

    private void ensureCapacity(int extra) {
        if (end + extra <= items.length) {
            return;
        }
        int live = end - start;
        int needed = live + extra;
        // Compact in place when trimming freed enough room, else grow (amortised doubling).
        StoredRecord[] grown = needed <= items.length / 2 ? items
                : new StoredRecord[Math.max(items.length * 2, needed + needed / 2)];
        System.arraycopy(items, start, grown, 0, live);
        if (grown == items) {
            java.util.Arrays.fill(items, live, end, null);
        }
        items = grown;
        start = 0;
        end = live;
    }

    /** Sets the journal of a log restored from it at start (the journal is opened after its logs). */
    void journal(RecordJournal journal) {
        this.journal = journal;
    }

    /** Returns once every record appended so far is durable (a no-op in memory). */
    void awaitDurable() {
        journal.awaitDurable();
    }

    /** Puts back a record read from the journal at start; records come in counter order. */
    synchronized void restore(long counter, byte[] data, String partitionKey, long arrivalMillis) {
        long next = nextCounter();
        if (counter < next) {
            return;
        }
        if (counter > next) {
            // Older records were trimmed (their segment deleted): the log starts later.
            java.util.Arrays.fill(items, start, end, null);
            start = 0;
            end = 0;
            firstCounter = counter;
        }
        ensureCapacity(1);
        items[end++] = new StoredRecord(counter, data, partitionKey, arrivalMillis);
        lastArrivalMillis = Math.max(lastArrivalMillis, arrivalMillis);
    }

    /** Makes the next counter at least {@code next} (records before it were trimmed) at start. */
    synchronized void restoreNext(long next, long lastArrival) {
        if (start == end && next > firstCounter) {
            firstCounter = next;
        }
        lastArrivalMillis = Math.max(lastArrivalMillis, lastArrival);
    }

    /** The counter the next appended record gets. */
    synchronized long nextCounter() {
        return firstCounter + (end - start);
    }

    /** The counter of the oldest retained record (== nextCounter() when empty). */
    synchronized long firstCounter() {
        return firstCounter;
    }

    /** The arrival time of the newest record, or 0 when none was ever written. */
    synchronized long lastArrivalMillis() {
        return lastArrivalMillis;
    }

    /** Reads up to limit records and maxBytes (at least one record) from a counter on. */
    synchronized List<StoredRecord> read(long fromCounter, int limit, long maxBytes) {
        long from = Math.max(fromCounter, firstCounter);
        int index = start + (int) Math.min(from - firstCounter, Integer.MAX_VALUE);
        if (index >= end) {
            return Collections.emptyList();
        }
        List<StoredRecord> out = new ArrayList<>(Math.min(limit, end - index));
        long bytes = 0;
        while (index < end && out.size() < limit) {
            StoredRecord record = items[index];
            bytes += record.size();
            if (bytes > maxBytes && !out.isEmpty()) {
                break;
            }
            out.add(record);
            index++;
        }
        return out;
    }

    /** The counter of the first record that arrived at or after a time (nextCounter() if none). */
    synchronized long counterAtOrAfter(long millis) {
        int low = start;
        int high = end;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (items[mid].arrivalMillis() < millis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return firstCounter + (low - start);
    }

    /** The arrival time of the record with a counter, or -1 when it is not retained. */
    synchronized long arrivalOf(long counter) {
        long offset = counter - firstCounter;
        return offset < 0 || offset >= end - start ? -1 : items[start + (int) offset].arrivalMillis();
    }

    /** Drops records that arrived before a time (retention). */
    synchronized void trimBefore(long millis) {
        while (start < end && items[start].arrivalMillis() < millis) {
            items[start] = null;
            start++;
            firstCounter++;
        }
    }

    /** Closes the log to writes (the shard was split or merged) and wakes waiting readers. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Waits until a record with counter >= fromCounter exists, the log closes or the time is up. */
    synchronized boolean awaitCounter(long fromCounter, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (nextCounter() <= fromCounter && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return nextCounter() > fromCounter;
    }
}

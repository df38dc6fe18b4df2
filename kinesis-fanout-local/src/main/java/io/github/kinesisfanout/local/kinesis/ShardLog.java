package io.github.kinesisfanout.local.kinesis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The append-only record log of one shard: records are numbered by consecutive counters from 1,
 * so a counter is also an array index; old records are trimmed from the front. One monitor guards
 * it, taken once per batch (not per record); readers waiting for data wait on it too.
 *
 * <p>Per record it keeps the arrival time in a packed array and, with a data directory, the
 * location of its frame in the stream's journal in another. The records themselves (payload and
 * partition key) stay in memory only while the cloud's {@link PayloadCache} has room for them; an
 * older one is read back from the journal when a read reaches it.
 */
public final class ShardLog {

    private volatile RecordJournal journal;
    private final int shardIndex;
    private final PayloadCache cache;
    /** The records whose payload is in memory; null where it is only on disk. */
    private StoredRecord[] items = new StoredRecord[64];
    private long[] arrivals = new long[64];
    /** Where each record is in the journal (null while no record was journaled). */
    private long[] locations;
    private int start;
    private int end;
    /** Counter of items[start] when the log is not empty, else of the next record. */
    private long firstCounter = 1;
    private long lastArrivalMillis;
    private boolean closed;

    /** A log kept in memory only. */
    ShardLog() {
        this(RecordJournal.NONE, 0, PayloadCache.UNBOUNDED);
    }

    /** A log whose appends also go to a journal (a data directory) before they are acknowledged. */
    ShardLog(RecordJournal journal, int shardIndex) {
        this(journal, shardIndex, PayloadCache.UNBOUNDED);
    }

    /** A journaled log whose payloads stay in memory only as long as {@code cache} has room. */
    ShardLog(RecordJournal journal, int shardIndex, PayloadCache cache) {
        this.journal = journal;
        this.shardIndex = shardIndex;
        this.cache = cache;
    }

    /** Appends records in order; returns the counter of the first one, or -1 when the shard was closed. */
    long append(List<byte[]> data, List<String> partitionKeys, long nowMillis) {
        long first;
        long bytes = 0;
        boolean journaled;
        synchronized (this) {
            if (closed) {
                return -1;
            }
            int count = data.size();
            // Arrival times never go backwards within a shard, so AT_TIMESTAMP can binary search them.
            long arrival = Math.max(nowMillis, lastArrivalMillis);
            first = nextCounter();
            // Journal first: a record that could not be written to disk is never readable.
            long[] written = journal.write(shardIndex, first, arrival, data, partitionKeys);
            journaled = written != null;
            ensureCapacity(count, journaled);
            lastArrivalMillis = arrival;
            for (int i = 0; i < count; i++) {
                StoredRecord record = new StoredRecord(first + i, data.get(i), partitionKeys.get(i), arrival);
                items[end] = record;
                arrivals[end] = arrival;
                if (written != null) {
                    locations[end] = written[i];
                }
                bytes += record.size() + PayloadCache.RECORD_OVERHEAD_BYTES;
                end++;
            }
            notifyAll();
        }
        if (journaled) {
            cache.admitted(this, first + data.size() - 1, bytes);
        }
        return first;
    }

    private void ensureCapacity(int extra, boolean located) {
        if (located && locations == null) {
            locations = new long[items.length];
        }
        if (end + extra <= items.length) {
            return;
        }
        int live = end - start;
        int needed = live + extra;
        // Compact in place when trimming freed enough room, else grow (amortised doubling).
        if (needed <= items.length / 2) {
            System.arraycopy(items, start, items, 0, live);
            Arrays.fill(items, live, end, null);
            System.arraycopy(arrivals, start, arrivals, 0, live);
            if (locations != null) {
                System.arraycopy(locations, start, locations, 0, live);
            }
        } else {
            int capacity = Math.max(items.length * 2, needed + needed / 2);
            StoredRecord[] grownItems = new StoredRecord[capacity];
            System.arraycopy(items, start, grownItems, 0, live);
            items = grownItems;
            arrivals = Arrays.copyOfRange(arrivals, start, start + capacity);
            if (locations != null) {
                locations = Arrays.copyOfRange(locations, start, start + capacity);
            }
        }
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

    /**
     * Puts back a record found in the journal at start (its location only: the payload is read back
     * when asked for); records come in counter order.
     */
    synchronized void restore(long counter, long location, long arrivalMillis) {
        long next = nextCounter();
        if (counter < next) {
            return;
        }
        if (counter > next) {
            // Older records were trimmed (their segment deleted): the log starts later.
            Arrays.fill(items, start, end, null);
            start = 0;
            end = 0;
            firstCounter = counter;
        }
        ensureCapacity(1, true);
        items[end] = null;
        arrivals[end] = arrivalMillis;
        locations[end] = location;
        end++;
        lastArrivalMillis = Math.max(lastArrivalMillis, arrivalMillis);
    }

    /** Makes the next counter at least {@code next} (records before it were trimmed) at start. */
    synchronized void restoreNext(long next, long lastArrival) {
        if (start == end && next > firstCounter) {
            firstCounter = next;
        }
        lastArrivalMillis = Math.max(lastArrivalMillis, lastArrival);
    }

    /** Drops the in-memory payloads of the records up to a counter (they stay readable from the journal). */
    synchronized void uncacheUpTo(long counter) {
        int last = (int) Math.max(start - 1L, Math.min(end - 1L, start + (counter - firstCounter)));
        for (int index = last; index >= start && items[index] != null; index--) {
            items[index] = null;
        }
    }

    /** How many records have their payload in memory (tests check the budget holds). */
    synchronized int cachedRecords() {
        int cached = 0;
        for (int index = start; index < end; index++) {
            cached += items[index] == null ? 0 : 1;
        }
        return cached;
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
        RecordJournal.Reader disk = null;
        while (index < end && out.size() < limit) {
            StoredRecord record = items[index];
            if (record == null) {
                if (disk == null) {
                    disk = journal.reader();
                }
                record = disk.read(locations[index], shardIndex, firstCounter + (index - start));
            }
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
            if (arrivals[mid] < millis) {
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
        return offset < 0 || offset >= end - start ? -1 : arrivals[start + (int) offset];
    }

    /** Drops records that arrived before a time (retention). */
    synchronized void trimBefore(long millis) {
        while (start < end && arrivals[start] < millis) {
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

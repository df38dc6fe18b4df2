package io.github.kinesisfanout.local.kinesis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The append-only record log of one shard: records are numbered by consecutive counters from 1;
 * old records are trimmed from the front. One monitor guards it, taken once per batch (not per
 * record); readers waiting for data wait on it too.
 *
 * <p>The index is one entry per append (a run of records with one arrival time, whose frames follow
 * each other in the stream's journal): its first counter, arrival time and, with a data directory,
 * the location of its first frame, in packed arrays. The records themselves (payload and partition
 * key) are kept for the newest counters only, as long as the cloud's {@link PayloadCache} has room
 * for them (an in-memory cloud keeps them all); a read of an older record reads its run back from
 * the journal.
 */
public final class ShardLog {

    private volatile RecordJournal journal;
    private final int shardIndex;
    private final PayloadCache cache;

    /** Runs: first counter, arrival time and journal location (-1: none) of each, oldest first. */
    private long[] runCounters = new long[16];
    private long[] runArrivals = new long[16];
    private long[] runLocations = new long[16];
    private int runStart;
    private int runEnd;
    /** Location just past the newest restored run's last frame (to extend it with the next frame). */
    private long restoredEnd = -1;

    /** The records of counters cacheFirst .. next-1, in memory. */
    private StoredRecord[] cached = new StoredRecord[64];
    private int cacheStart;
    private int cacheEnd;
    private long cacheFirst = 1;

    /** Counter of the oldest retained record when the log is not empty, else of the next record. */
    private long firstCounter = 1;
    private long nextCounter = 1;
    private long lastArrivalMillis;
    private boolean closed;

    /** A log kept in memory only. */
    ShardLog() {
        this(RecordJournal.NONE, 0, PayloadCache.UNBOUNDED);
    }

    /**
     * A log whose appends also go to a journal (a data directory) before they are acknowledged, and
     * whose records stay in memory only as long as {@code cache} has room.
     */
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
            first = nextCounter;
            // Journal first: a record that could not be written to disk is never readable.
            long location = journal.write(shardIndex, first, arrival, data, partitionKeys);
            journaled = location >= 0;
            addRun(first, arrival, location);
            restoredEnd = -1;
            ensureCacheCapacity(count);
            for (int i = 0; i < count; i++) {
                StoredRecord record = new StoredRecord(first + i, data.get(i), partitionKeys.get(i), arrival);
                cached[cacheEnd++] = record;
                bytes += record.size() + PayloadCache.RECORD_OVERHEAD_BYTES;
            }
            nextCounter += count;
            lastArrivalMillis = arrival;
            notifyAll();
        }
        if (journaled) {
            cache.admitted(this, first + data.size() - 1, bytes);
        }
        return first;
    }

    private void addRun(long counter, long arrival, long location) {
        if (runEnd == runCounters.length) {
            int live = runEnd - runStart;
            int capacity = live + 1 <= runCounters.length / 2 ? runCounters.length
                    : Math.max(runCounters.length * 2, live + 1);
            runCounters = moved(runCounters, capacity);
            runArrivals = moved(runArrivals, capacity);
            runLocations = moved(runLocations, capacity);
            runStart = 0;
            runEnd = live;
        }
        runCounters[runEnd] = counter;
        runArrivals[runEnd] = arrival;
        runLocations[runEnd] = location;
        runEnd++;
    }

    private long[] moved(long[] values, int capacity) {
        long[] target = capacity == values.length ? values : new long[capacity];
        System.arraycopy(values, runStart, target, 0, runEnd - runStart);
        return target;
    }

    private void ensureCacheCapacity(int extra) {
        if (cacheEnd + extra <= cached.length) {
            return;
        }
        int live = cacheEnd - cacheStart;
        int needed = live + extra;
        // Compact in place when eviction or trimming freed enough room, else grow (amortised doubling).
        StoredRecord[] target = needed <= cached.length / 2 ? cached
                : new StoredRecord[Math.max(cached.length * 2, needed + needed / 2)];
        System.arraycopy(cached, cacheStart, target, 0, live);
        if (target == cached) {
            Arrays.fill(cached, live, cacheEnd, null);
        }
        cached = target;
        cacheStart = 0;
        cacheEnd = live;
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
     * Puts back a record found in the journal at start: where its frame is (of {@code frameBytes}) and
     * when it arrived; its payload is read back when asked for. Records come in counter order.
     */
    synchronized void restore(long counter, long location, int frameBytes, long arrivalMillis) {
        if (counter < nextCounter) {
            return;
        }
        if (counter > nextCounter) {
            // Older records were trimmed (their segment deleted): the log starts later.
            runStart = 0;
            runEnd = 0;
            firstCounter = counter;
            nextCounter = counter;
            restoredEnd = -1;
        }
        boolean continuesRun = runEnd > runStart && location == restoredEnd
                && runArrivals[runEnd - 1] == arrivalMillis;
        if (!continuesRun) {
            addRun(counter, arrivalMillis, location);
        }
        restoredEnd = location + frameBytes;
        nextCounter = counter + 1;
        cacheStart = 0;
        cacheEnd = 0;
        cacheFirst = nextCounter;
        lastArrivalMillis = Math.max(lastArrivalMillis, arrivalMillis);
    }

    /** Makes the next counter at least {@code next} (records before it were trimmed) at start. */
    synchronized void restoreNext(long next, long lastArrival) {
        if (firstCounter == nextCounter && next > nextCounter) {
            firstCounter = next;
            nextCounter = next;
            cacheFirst = next;
        }
        lastArrivalMillis = Math.max(lastArrivalMillis, lastArrival);
    }

    /** Drops the in-memory records up to a counter (they stay readable from the journal). */
    synchronized void uncacheUpTo(long counter) {
        dropCachedBefore(Math.min(counter + 1, nextCounter));
    }

    private void dropCachedBefore(long counter) {
        if (counter <= cacheFirst) {
            return;
        }
        int drop = (int) Math.min(counter - cacheFirst, cacheEnd - cacheStart);
        Arrays.fill(cached, cacheStart, cacheStart + drop, null);
        cacheStart += drop;
        cacheFirst += drop;
    }

    /** How many records are in memory (tests check the budget holds). */
    synchronized int cachedRecords() {
        return cacheEnd - cacheStart;
    }

    /** How many index entries (runs of records appended together) the log holds. */
    synchronized int runs() {
        return runEnd - runStart;
    }

    /** The counter the next appended record gets. */
    synchronized long nextCounter() {
        return nextCounter;
    }

    /** The counter of the oldest retained record (== nextCounter() when empty). */
    synchronized long firstCounter() {
        return firstCounter;
    }

    /** The arrival time of the newest record, or 0 when none was ever written. */
    synchronized long lastArrivalMillis() {
        return lastArrivalMillis;
    }

    /** The index of the run holding a retained counter. */
    private int runOf(long counter) {
        int low = runStart;
        int high = runEnd - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (runCounters[mid] <= counter) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** Reads up to limit records and maxBytes (at least one record) from a counter on. */
    synchronized List<StoredRecord> read(long fromCounter, int limit, long maxBytes) {
        long counter = Math.max(fromCounter, firstCounter);
        if (counter >= nextCounter) {
            return Collections.emptyList();
        }
        List<StoredRecord> out = new ArrayList<>((int) Math.min(limit, nextCounter - counter));
        long bytes = 0;
        RecordJournal.Reader disk = null;
        int run = -1;
        long location = -1;
        while (counter < nextCounter && out.size() < limit) {
            StoredRecord record;
            if (counter >= cacheFirst) {
                record = cached[cacheStart + (int) (counter - cacheFirst)];
            } else {
                if (disk == null) {
                    disk = journal.reader();
                }
                if (run < 0 || (run + 1 < runEnd && counter >= runCounters[run + 1])) {
                    // Into a run: from its first frame, past the frames before the counter.
                    run = runOf(counter);
                    location = runLocations[run];
                    for (long skipped = runCounters[run]; skipped < counter; skipped++) {
                        location = disk.after(location);
                    }
                }
                record = disk.read(location, shardIndex, counter);
                location = disk.after(location);
            }
            bytes += record.size();
            if (bytes > maxBytes && !out.isEmpty()) {
                break;
            }
            out.add(record);
            counter++;
        }
        return out;
    }

    /** The counter of the first record that arrived at or after a time (nextCounter() if none). */
    synchronized long counterAtOrAfter(long millis) {
        int low = runStart;
        int high = runEnd;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (runArrivals[mid] < millis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low == runEnd ? nextCounter : Math.max(firstCounter, runCounters[low]);
    }

    /** The arrival time of the record with a counter, or -1 when it is not retained. */
    synchronized long arrivalOf(long counter) {
        return counter < firstCounter || counter >= nextCounter ? -1 : runArrivals[runOf(counter)];
    }

    /** Drops records that arrived before a time (retention): whole runs, as a run has one arrival time. */
    synchronized void trimBefore(long millis) {
        while (runStart < runEnd && runArrivals[runStart] < millis) {
            runStart++;
        }
        firstCounter = runStart < runEnd ? runCounters[runStart] : nextCounter;
        dropCachedBefore(firstCounter);
        if (runStart == runEnd) {
            runStart = 0;
            runEnd = 0;
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
        while (nextCounter <= fromCounter && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return nextCounter > fromCounter;
    }
}

package io.github.kinesisfanout.local.logs;

import io.github.kinesisfanout.local.storage.SegmentLog;
import io.github.kinesisfanout.local.storage.SegmentReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive events of one stream (in its timestamp order): their count, first and last
 * timestamps and stored bytes always in memory, the events themselves in memory until
 * {@link MessageSpill} writes them to disk as one frame (then only {@link #location} says where), or
 * until its stream no longer holds it ({@link #kill}).
 * The newest chunk of a stream takes appends while it is in memory and not full.
 */
final class EventChunk {

    /** Events per chunk at most: one frame, read back whole. */
    static final int MAX_EVENTS = 512;

    private List<LogEvent> events;
    private int count;
    private long firstTimestamp;
    private long lastTimestamp;
    private long storedBytes;
    private long location = -1;
    /** Replaced or dropped by its stream: nothing reads it any more, so it is not worth spilling. */
    private boolean dead;
    /** The bytes {@link MessageSpill} counts for it in memory; guarded by that spill's monitor, not this one. */
    long countedBytes;

    EventChunk(List<LogEvent> events) {
        this.events = new ArrayList<>(events);
        recount();
    }

    private void recount() {
        count = events.size();
        firstTimestamp = count == 0 ? 0 : events.get(0).timestamp();
        lastTimestamp = count == 0 ? 0 : events.get(count - 1).timestamp();
        storedBytes = 0;
        for (LogEvent event : events) {
            storedBytes += LogStream.storedBytes(event);
        }
    }

    synchronized int count() {
        return count;
    }

    synchronized long firstTimestamp() {
        return firstTimestamp;
    }

    synchronized long lastTimestamp() {
        return lastTimestamp;
    }

    synchronized long storedBytes() {
        return storedBytes;
    }

    /** Whether appends may go on into this chunk: in memory, alive and not full. */
    synchronized boolean open() {
        return events != null && !dead && count < MAX_EVENTS;
    }

    /** Appends events (in order, none before the last one); returns how many it took. */
    synchronized int take(List<LogEvent> batch, int from) {
        int taken = Math.min(batch.size() - from, MAX_EVENTS - count);
        for (int i = from; i < from + taken; i++) {
            LogEvent event = batch.get(i);
            events.add(event);
            storedBytes += LogStream.storedBytes(event);
        }
        count = events.size();
        firstTimestamp = events.get(0).timestamp();
        lastTimestamp = events.get(count - 1).timestamp();
        return taken;
    }

    /** The events, from memory or read back from the spill log. */
    synchronized List<LogEvent> events(MessageSpill.Reader reader) {
        if (dead) {
            throw new IllegalStateException("a discarded chunk of events was read");
        }
        return events != null ? List.copyOf(events) : reader.chunk(location);
    }

    /**
     * Keeps only the events from index {@code drop} on (the older ones expired); a spilled chunk is read
     * back, so it is in memory afterwards and its frame in the spill log is dead.
     *
     * @return whether it was read back (its bytes are in memory again)
     */
    synchronized boolean dropFirst(int drop, MessageSpill messages, MessageSpill.Reader reader) {
        boolean readBack = events == null;
        List<LogEvent> all = readBack ? reader.chunk(location) : events;
        events = new ArrayList<>(all.subList(drop, all.size()));
        messages.released(this, location);
        location = -1;
        recount();
        return readBack;
    }

    /** Writes the events to the spill log and lets go of them; a no-op when dead or spilled. */
    synchronized void spill(MessageSpill messages) {
        if (dead || events == null) {
            return;
        }
        location = messages.write(this, events);
        events = null;
    }

    /**
     * Writes the frame of a chunk spilled in {@code segment} again at the end of the spill log (which
     * is compacting that segment); a no-op when it died, was read back or moved meanwhile.
     */
    synchronized void relocate(SpillLog log, long segment, SegmentReader disk) {
        if (dead || events != null || location < 0 || SegmentLog.segmentOf(location) != segment) {
            return;
        }
        location = log.move(this, location, disk.payload(location));
    }

    /** Its stream no longer holds it: its events leave memory and its frame the spill log. */
    synchronized void kill(MessageSpill messages) {
        dead = true;
        events = null;
        long spilledAt = location;
        location = -1;
        messages.discarded(this, spilledAt);
    }
}

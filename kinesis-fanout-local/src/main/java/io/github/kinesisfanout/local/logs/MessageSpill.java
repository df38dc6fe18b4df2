package io.github.kinesisfanout.local.logs;

import io.github.kinesisfanout.local.storage.SegmentReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps CloudWatch Logs events in memory up to a byte budget for the whole service: past it, the
 * oldest {@link EventChunk}s are written to a spill log ({@code logs/spill/} of the data directory,
 * a {@link SpillLog} emptied at every start, as the journal holds the events for good), one frame per
 * chunk, and read back from there when a read asks for them. A chunk that dies (its events expired, its
 * stream or group deleted) leaves memory and the spill at once. Without a data directory every event
 * stays in memory.
 */
final class MessageSpill implements AutoCloseable {

    /** What an event in memory costs beyond its message's characters: the event, string and array headers. */
    static final int EVENT_OVERHEAD_BYTES = 72;

    private final SpillLog log;
    private final long budgetBytes;
    /** Chunks in the order they took events in memory (a chunk once per append); the first out spills. */
    private final ArrayDeque<EventChunk> admissions = new ArrayDeque<>();
    private long cachedBytes;

    private MessageSpill(SpillLog log, long budgetBytes) {
        this.log = log;
        this.budgetBytes = budgetBytes;
    }

    /** Every event stays in memory. */
    static MessageSpill none() {
        return new MessageSpill(null, Long.MAX_VALUE);
    }

    /** Spills to {@code directory}, after deleting what a previous run left there. */
    static MessageSpill open(Path directory, long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("memory budget must not be negative: " + budgetBytes);
        }
        return new MessageSpill(SpillLog.open(directory), budgetBytes);
    }

    /** What an event costs in memory, about. */
    static long memoryBytes(LogEvent event) {
        return 2L * event.message().length() + EVENT_OVERHEAD_BYTES;
    }

    /**
     * Counts {@code bytes} a chunk now holds in memory, then spills the chunks admitted first until the
     * budget holds. Takes chunks' monitors (never a stream's), so it may run under a stream's.
     */
    void admitted(EventChunk chunk, long bytes) {
        if (log == null) {
            return;
        }
        List<EventChunk> evicted = new ArrayList<>();
        synchronized (this) {
            admissions.addLast(chunk);
            chunk.countedBytes += bytes;
            cachedBytes += bytes;
            while (cachedBytes > budgetBytes && !admissions.isEmpty()) {
                EventChunk oldest = admissions.pollFirst();
                if (oldest.countedBytes > 0) {
                    cachedBytes -= oldest.countedBytes;
                    oldest.countedBytes = 0;
                    evicted.add(oldest);
                }
            }
        }
        for (EventChunk each : evicted) {
            each.spill(this);
        }
    }

    /** Writes a chunk's events to the spill log; returns where. Under the chunk's monitor. */
    long write(EventChunk chunk, List<LogEvent> events) {
        List<byte[]> messages = new ArrayList<>(events.size());
        int size = 4;
        for (LogEvent event : events) {
            byte[] message = event.message().getBytes(StandardCharsets.UTF_8);
            messages.add(message);
            size += 8 + 8 + 4 + message.length;
        }
        ByteBuffer frame = ByteBuffer.allocate(size).putInt(events.size());
        for (int i = 0; i < events.size(); i++) {
            frame.putLong(events.get(i).timestamp()).putLong(events.get(i).ingestionTime())
                    .putInt(messages.get(i).length).put(messages.get(i));
        }
        return log.append(chunk, frame.flip());
    }

    /** A chunk died: its bytes leave the budget, and its frame at {@code location} (when spilled, else -1) the spill. */
    void discarded(EventChunk chunk, long location) {
        if (log == null) {
            return;
        }
        synchronized (this) {
            cachedBytes -= chunk.countedBytes;
            chunk.countedBytes = 0;
        }
        released(chunk, location);
    }

    /** A spilled chunk's frame at {@code location} is no longer read (the chunk was read back, or died). */
    void released(EventChunk chunk, long location) {
        if (log != null && location >= 0) {
            log.release(chunk, location);
        }
    }

    /**
     * Rewrites the spill segments that are mostly dead (see {@link SpillLog#compact}), and forgets the
     * admissions of chunks no longer counted (spilled or dead), which the budget may not push out soon.
     */
    void compact() {
        if (log == null) {
            return;
        }
        synchronized (this) {
            admissions.removeIf(chunk -> chunk.countedBytes == 0);
        }
        log.compact();
    }

    /** The bytes of the spill log on disk (0 without a data directory). */
    long diskBytes() {
        return log == null ? 0 : log.sizeBytes();
    }

    /** The event bytes counted as in memory now (tests check the budget holds). */
    synchronized long cachedBytes() {
        return cachedBytes;
    }

    /** Reads spilled chunks back; one per read request (it reads ahead, and is not shared). */
    Reader reader() {
        return new Reader();
    }

    /** Reads spilled chunks back for one read, keeping the last few decoded (a read may go back and forth between streams). */
    final class Reader {

        private static final int DECODED_CHUNKS = 16;
        private SegmentReader disk;
        private final java.util.LinkedHashMap<Long, List<LogEvent>> decoded =
                new java.util.LinkedHashMap<>(DECODED_CHUNKS * 2, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(java.util.Map.Entry<Long, List<LogEvent>> eldest) {
                        return size() > DECODED_CHUNKS;
                    }
                };

        List<LogEvent> chunk(long location) {
            List<LogEvent> known = decoded.get(location);
            if (known != null) {
                return known;
            }
            if (disk == null) {
                disk = log.reader();
            }
            ByteBuffer frame = disk.payload(location);
            int count = frame.getInt();
            List<LogEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long timestamp = frame.getLong();
                long ingestionTime = frame.getLong();
                byte[] message = new byte[frame.getInt()];
                frame.get(message);
                events.add(new LogEvent(timestamp, new String(message, StandardCharsets.UTF_8), ingestionTime));
            }
            List<LogEvent> chunk = List.copyOf(events);
            decoded.put(location, chunk);
            return chunk;
        }
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
        }
    }
}

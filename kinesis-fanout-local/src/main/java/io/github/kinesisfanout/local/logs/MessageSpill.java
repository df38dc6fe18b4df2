package io.github.kinesisfanout.local.logs;

import io.github.kinesisfanout.local.storage.AtomicFiles;
import io.github.kinesisfanout.local.storage.SegmentLog;
import io.github.kinesisfanout.local.storage.SegmentReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps CloudWatch Logs events in memory up to a byte budget for the whole service: past it, the
 * oldest {@link EventChunk}s are written to a spill log ({@code logs/spill/} of the data directory, a
 * {@link SegmentLog} emptied at every start, as the journal holds the events for good), one frame per
 * chunk, and read back from there when a read asks for them. Without a data directory every event
 * stays in memory.
 */
final class MessageSpill implements AutoCloseable {

    /** The event bytes kept in memory by default. */
    static final long MEMORY_BUDGET_BYTES = 32L * 1024 * 1024;
    /** What an event in memory costs beyond its message's characters: the event, string and array headers. */
    static final int EVENT_OVERHEAD_BYTES = 72;
    private static final long SEGMENT_BYTES = 64L * 1024 * 1024;

    private final SegmentLog log;
    private final long budgetBytes;
    private final ArrayDeque<Admission> admissions = new ArrayDeque<>();
    private long cachedBytes;

    /** Bytes a chunk took in memory by one append (a chunk may have several; the first one out spills it). */
    private record Admission(EventChunk chunk, long bytes) {
    }

    private MessageSpill(SegmentLog log, long budgetBytes) {
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
        AtomicFiles.deleteTree(directory);
        return new MessageSpill(SegmentLog.open(directory, SEGMENT_BYTES, (segment, payload) -> { }), budgetBytes);
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
            admissions.addLast(new Admission(chunk, bytes));
            cachedBytes += bytes;
            while (cachedBytes > budgetBytes && !admissions.isEmpty()) {
                Admission oldest = admissions.pollFirst();
                cachedBytes -= oldest.bytes();
                evicted.add(oldest.chunk());
            }
        }
        for (EventChunk each : evicted) {
            each.spill(this::write);
        }
    }

    private long write(List<LogEvent> events) {
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
        return log.appendLocated(List.of(frame.flip()), List::of);
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
                disk = new SegmentReader(log);
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

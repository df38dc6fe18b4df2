package io.github.kinesisfanout.local.logs;

import io.github.kinesisfanout.local.storage.AtomicFiles;
import io.github.kinesisfanout.local.storage.Frames;
import io.github.kinesisfanout.local.storage.SegmentLog;
import io.github.kinesisfanout.local.storage.SegmentReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the messages of CloudWatch Logs events in memory up to a byte budget for the whole service:
 * past it, the oldest messages are written to a spill log ({@code logs/spill/} of the data directory,
 * a {@link SegmentLog} emptied at every start, as the journal holds the events for good) and read back
 * from there when a read asks for them. Without a data directory every message stays in memory.
 */
final class MessageSpill implements AutoCloseable {

    /** The message bytes kept in memory by default. */
    static final long MEMORY_BUDGET_BYTES = 32L * 1024 * 1024;
    /** What a cached message costs beyond its characters: the string and array headers. */
    static final int MESSAGE_OVERHEAD_BYTES = 40;
    private static final long SEGMENT_BYTES = 64L * 1024 * 1024;

    private final SegmentLog log;
    private final long budgetBytes;
    private final ArrayDeque<List<StoredEvent>> batches = new ArrayDeque<>();
    private long cachedBytes;

    private MessageSpill(SegmentLog log, long budgetBytes) {
        this.log = log;
        this.budgetBytes = budgetBytes;
    }

    /** Every message stays in memory. */
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

    private static long bytes(StoredEvent event) {
        return 2L * event.messageLength + MESSAGE_OVERHEAD_BYTES;
    }

    /** Counts a batch of new events' messages, then spills the oldest messages until the budget holds. */
    void admitted(List<StoredEvent> batch) {
        if (log == null || batch.isEmpty()) {
            return;
        }
        List<List<StoredEvent>> evicted = new ArrayList<>();
        synchronized (this) {
            batches.addLast(batch);
            for (StoredEvent event : batch) {
                cachedBytes += bytes(event);
            }
            while (cachedBytes > budgetBytes && !batches.isEmpty()) {
                List<StoredEvent> oldest = batches.pollFirst();
                for (StoredEvent event : oldest) {
                    cachedBytes -= bytes(event);
                }
                evicted.add(oldest);
            }
        }
        for (List<StoredEvent> events : evicted) {
            spill(events);
        }
    }

    private void spill(List<StoredEvent> events) {
        List<ByteBuffer> entries = new ArrayList<>(events.size());
        List<StoredEvent> spilled = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            String message = event.cachedMessage();
            if (message != null) {
                entries.add(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
                spilled.add(event);
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        long location = log.appendLocated(entries, List::of);
        for (int i = 0; i < spilled.size(); i++) {
            spilled.get(i).spilled(location);
            location += Frames.HEADER_BYTES + entries.get(i).capacity();
        }
    }

    /** The message bytes counted as in memory now. */
    synchronized long cachedBytes() {
        return cachedBytes;
    }

    /** Reads messages, from memory or the spill log; one per read request (it reads ahead, and is not shared). */
    Reader reader() {
        return new Reader();
    }

    /** Resolves events' messages for one read. */
    final class Reader {

        private SegmentReader disk;

        String message(StoredEvent event) {
            String message = event.cachedMessage();
            if (message != null) {
                return message;
            }
            if (disk == null) {
                disk = new SegmentReader(log);
            }
            return StandardCharsets.UTF_8.decode(disk.payload(event.location())).toString();
        }

        LogEvent event(StoredEvent event) {
            return new LogEvent(event.timestamp, message(event), event.ingestionTime);
        }
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
        }
    }
}

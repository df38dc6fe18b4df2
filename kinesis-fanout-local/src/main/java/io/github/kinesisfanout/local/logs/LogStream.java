package io.github.kinesisfanout.local.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One log stream: its events in timestamp order, as CloudWatch Logs returns them, in chunks of up to
 * {@link EventChunk#MAX_EVENTS} consecutive events. Each chunk's count and time span stay in memory;
 * its events too, unless {@link MessageSpill} moved them to disk. Reads go by index in that order.
 */
final class LogStream {

    final String name;
    final long creationTime;
    private final MessageSpill messages;
    private final List<EventChunk> chunks = new ArrayList<>();
    private int eventCount;
    private long lastIngestionTime;
    private long storedBytes;
    private long sequence;
    /** Deleted (with its group, maybe): a put that found it just before keeps nothing, as a replay would. */
    private boolean discarded;

    LogStream(String name, long creationTime, MessageSpill messages) {
        this.name = name;
        this.creationTime = creationTime;
        this.messages = messages;
    }

    /** The bytes an event counts in storedBytes. */
    static long storedBytes(LogEvent event) {
        return event.message().length() + 26;
    }

    /** Appends events; returns the next sequence token (ignored by AWS since 2023, kept for old clients). */
    synchronized String append(List<LogEvent> batch) {
        if (discarded) {
            sequence += batch.size();
            return String.format("%056d", sequence);
        }
        boolean inOrder = true;
        long last = chunks.isEmpty() ? Long.MIN_VALUE : chunks.get(chunks.size() - 1).lastTimestamp();
        for (LogEvent event : batch) {
            inOrder &= event.timestamp() >= last;
            last = Math.max(last, event.timestamp());
            storedBytes += storedBytes(event);
            lastIngestionTime = Math.max(lastIngestionTime, event.ingestionTime());
        }
        if (inOrder) {
            addInOrder(batch);
        } else {
            insert(batch);
        }
        eventCount += batch.size();
        sequence += batch.size();
        return String.format("%056d", sequence);
    }

    private void addInOrder(List<LogEvent> batch) {
        int from = 0;
        while (from < batch.size()) {
            EventChunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            if (last == null || !last.open()) {
                last = new EventChunk(List.of());
                chunks.add(last);
            }
            int taken = last.take(batch, from);
            long bytes = 0;
            for (int i = from; i < from + taken; i++) {
                bytes += MessageSpill.memoryBytes(batch.get(i));
            }
            messages.admitted(last, bytes);
            from += taken;
        }
    }

    /**
     * Events older than the newest: the chunks from the first one holding a later event are merged with
     * the batch, sorted (stably: arrival order for equal times) and cut into chunks again.
     */
    private void insert(List<LogEvent> batch) {
        long earliest = batch.stream().mapToLong(LogEvent::timestamp).min().orElseThrow();
        int first = 0;
        while (first < chunks.size() && chunks.get(first).lastTimestamp() <= earliest) {
            first++;
        }
        MessageSpill.Reader reader = messages.reader();
        List<LogEvent> merged = new ArrayList<>();
        for (EventChunk chunk : chunks.subList(first, chunks.size())) {
            merged.addAll(chunk.events(reader));
            chunk.kill(messages);
        }
        merged.addAll(batch);
        merged.sort(Comparator.comparingLong(LogEvent::timestamp));
        chunks.subList(first, chunks.size()).clear();
        addInOrder(merged);
    }

    /**
     * Drops the events whose timestamp is before {@code cutoff} (past their group's retention); returns
     * how many. The sequence stays: it counts every event ever appended.
     */
    synchronized int dropBefore(long cutoff) {
        int expired = 0;
        while (!chunks.isEmpty() && chunks.get(0).lastTimestamp() < cutoff) {
            EventChunk chunk = chunks.remove(0);
            chunk.kill(messages);
            expired += chunk.count();
            storedBytes -= chunk.storedBytes();
        }
        if (!chunks.isEmpty() && chunks.get(0).firstTimestamp() < cutoff) {
            EventChunk chunk = chunks.get(0);
            MessageSpill.Reader reader = messages.reader();
            List<LogEvent> events = chunk.events(reader);
            int drop = 0;
            while (events.get(drop).timestamp() < cutoff) {
                drop++;
            }
            long before = chunk.storedBytes();
            if (chunk.dropFirst(drop, messages, reader)) {
                long bytes = 0;
                for (LogEvent event : events.subList(drop, events.size())) {
                    bytes += MessageSpill.memoryBytes(event);
                }
                messages.admitted(chunk, bytes);
            }
            storedBytes -= before - chunk.storedBytes();
            expired += drop;
        }
        eventCount -= expired;
        return expired;
    }

    /**
     * Lets go of every event (the stream or its group was deleted): they leave memory and the spill log
     * now, not when the budget would have pushed them out.
     */
    synchronized void discard() {
        discarded = true;
        for (EventChunk chunk : chunks) {
            chunk.kill(messages);
        }
        chunks.clear();
        eventCount = 0;
        storedBytes = 0;
    }

    /** Starts the count of a stream rebuilt from a compacted journal, whose earlier events were dropped. */
    synchronized void startAt(long sequence) {
        if (eventCount > 0) {
            throw new IllegalStateException("stream " + name + " already has events");
        }
        this.sequence = sequence;
    }

    /** How many events were ever appended (the journal's idempotence key). */
    synchronized long sequence() {
        return sequence;
    }

    /** How many events the stream holds. */
    synchronized int size() {
        return eventCount;
    }

    /** The index of the first event whose timestamp is at or after {@code timestamp} ({@link #size()} if none). */
    synchronized int indexAtOrAfter(long timestamp, MessageSpill.Reader reader) {
        int base = 0;
        for (EventChunk chunk : chunks) {
            if (chunk.lastTimestamp() < timestamp) {
                base += chunk.count();
            } else if (chunk.firstTimestamp() >= timestamp) {
                return base;
            } else {
                List<LogEvent> events = chunk.events(reader);
                int i = 0;
                while (events.get(i).timestamp() < timestamp) {
                    i++;
                }
                return base + i;
            }
        }
        return base;
    }

    /** Hands the events of indexes {@code from} (inclusive) to {@code to} (exclusive) to {@code each}, in order. */
    synchronized void forEach(int from, int to, MessageSpill.Reader reader, EventVisitor each) {
        int base = 0;
        for (EventChunk chunk : chunks) {
            int count = chunk.count();
            if (base + count > from && base < to) {
                List<LogEvent> events = chunk.events(reader);
                for (int i = Math.max(from - base, 0); i < Math.min(to - base, count); i++) {
                    each.event(base + i, events.get(i));
                }
            }
            base += count;
            if (base >= to) {
                return;
            }
        }
    }

    /** Receives events of a stream by index. */
    @FunctionalInterface
    interface EventVisitor {
        void event(int index, LogEvent event);
    }

    /** Every event, in order (the journal's compaction writes them all). */
    synchronized List<LogEvent> events(MessageSpill.Reader reader) {
        List<LogEvent> all = new ArrayList<>(eventCount);
        forEach(0, eventCount, reader, (index, event) -> all.add(event));
        return all;
    }

    synchronized Long firstEventTimestamp() {
        return chunks.isEmpty() ? null : chunks.get(0).firstTimestamp();
    }

    synchronized Long lastEventTimestamp() {
        return chunks.isEmpty() ? null : chunks.get(chunks.size() - 1).lastTimestamp();
    }

    synchronized long lastIngestionTime() {
        return lastIngestionTime;
    }

    synchronized long storedBytes() {
        return storedBytes;
    }
}

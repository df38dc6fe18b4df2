package io.github.kinesisfanout.local.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One log stream: its events in timestamp order, as CloudWatch Logs returns them (their messages in
 * memory or, with a data directory and past the service's budget, spilled to disk: {@link MessageSpill}).
 */
final class LogStream {

    final String name;
    final long creationTime;
    private final List<StoredEvent> events = new ArrayList<>();
    private long lastIngestionTime;
    private long storedBytes;
    private long sequence;

    LogStream(String name, long creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }

    /** Appends events; returns the next sequence token (ignored by AWS since 2023, kept for old clients). */
    synchronized String append(List<StoredEvent> batch) {
        boolean inOrder = true;
        long last = events.isEmpty() ? Long.MIN_VALUE : events.get(events.size() - 1).timestamp;
        for (StoredEvent event : batch) {
            inOrder &= event.timestamp >= last;
            last = Math.max(last, event.timestamp);
            events.add(event);
            storedBytes += event.messageLength + 26;
            lastIngestionTime = Math.max(lastIngestionTime, event.ingestionTime);
        }
        if (!inOrder) {
            // Events are kept sorted by timestamp; a stable sort keeps arrival order for equal times.
            events.sort(Comparator.comparingLong(StoredEvent::timestamp));
        }
        sequence += batch.size();
        return String.format("%056d", sequence);
    }

    /**
     * Drops the events whose timestamp is before {@code cutoff} (past their group's retention); returns
     * how many. The sequence stays: it counts every event ever appended.
     */
    synchronized int dropBefore(long cutoff) {
        int expired = 0;
        while (expired < events.size() && events.get(expired).timestamp < cutoff) {
            storedBytes -= events.get(expired).messageLength + 26;
            expired++;
        }
        events.subList(0, expired).clear();
        return expired;
    }

    /** Starts the count of a stream rebuilt from a compacted journal, whose earlier events were dropped. */
    synchronized void startAt(long sequence) {
        if (!events.isEmpty()) {
            throw new IllegalStateException("stream " + name + " already has events");
        }
        this.sequence = sequence;
    }

    /** How many events were ever appended (the journal's idempotence key). */
    synchronized long sequence() {
        return sequence;
    }

    synchronized List<StoredEvent> events() {
        return List.copyOf(events);
    }

    synchronized Long firstEventTimestamp() {
        return events.isEmpty() ? null : events.get(0).timestamp;
    }

    synchronized Long lastEventTimestamp() {
        return events.isEmpty() ? null : events.get(events.size() - 1).timestamp;
    }

    synchronized long lastIngestionTime() {
        return lastIngestionTime;
    }

    synchronized long storedBytes() {
        return storedBytes;
    }
}

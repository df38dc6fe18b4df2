package io.github.kinesisfanout.local.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.storage.SegmentLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * CloudWatch Logs' changes as one append-only {@link SegmentLog} (framed, CRC32C, torn tail cut off on
 * open): group and stream creations and deletions, retention changes, event batches and expiries, each a JSON
 * entry, replayed in order at start. An event batch carries the stream's event count before it, so a
 * batch is applied once only. {@link #compact} rewrites the sealed segments as one that begins with a
 * {@code reset} entry and holds only what is still there: no deleted groups or streams, no expired events.
 * Replaying a deletion lets go of the deleted events, in memory and in the spill log.
 */
final class LogJournal implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEGMENT_BYTES = 64L * 1024 * 1024;
    private final SegmentLog log;
    private final MessageSpill messages;

    private LogJournal(SegmentLog log, MessageSpill messages) {
        this.log = log;
        this.messages = messages;
    }

    /** Nothing kept: memory only. */
    static LogJournal none() {
        return new LogJournal(null, MessageSpill.none());
    }

    /** Opens the journal in {@code directory} and replays it into {@code store}, messages past the budget to disk. */
    static LogJournal open(Path directory, LogStore store, MessageSpill messages) {
        return new LogJournal(SegmentLog.open(directory, SEGMENT_BYTES, (segment, payload) ->
                replay(store, read(payload), messages)), messages);
    }

    void record(ObjectNode entry, boolean durable) {
        if (log == null) {
            return;
        }
        log.append(List.of(ByteBuffer.wrap(entry.toString().getBytes(StandardCharsets.UTF_8))), List::of);
        if (durable) {
            log.awaitDurable();
        }
    }

    static ObjectNode entry(String op, String scope, String group) {
        return JSON.createObjectNode().put("op", op).put("scope", scope).put("group", group);
    }

    static ObjectNode events(String scope, String group, String stream, long from, List<LogEvent> events) {
        ObjectNode entry = entry("events", scope, group).put("stream", stream).put("from", from);
        ArrayNode array = entry.putArray("events");
        for (LogEvent event : events) {
            array.addArray().add(event.timestamp()).add(event.message()).add(event.ingestionTime());
        }
        return entry;
    }

    private static JsonNode read(ByteBuffer payload) {
        try {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable CloudWatch Logs journal entry", e);
        }
    }

    /** The bytes of the journal on disk (0 without a data directory). */
    long sizeBytes() {
        return log == null ? 0 : log.sizeBytes();
    }

    /**
     * Rewrites the journal without what is gone: the segments written so far are sealed (appends go on
     * into a new one meanwhile), replayed into a store of their own, stripped of the events expired at
     * {@code now}, and replaced atomically by the entries that rebuild that store.
     */
    synchronized void compact(long now) {
        if (log == null) {
            return;
        }
        long sealed = log.seal();
        if (sealed == 0) {
            return;
        }
        LogStore kept = new LogStore();
        log.replayUpTo(sealed, (segment, payload) -> replay(kept, read(payload), messages));
        LogRetention.dropExpired(kept, now, none());
        try {
            log.replaceUpTo(sealed, () -> LogJournalSnapshot.entries(kept, messages).stream()
                    .map(e -> ByteBuffer.wrap(e.toString().getBytes(StandardCharsets.UTF_8))).iterator());
        } finally {
            // A copy: its events leave memory and the spill log now, not when the budget pushes them out.
            kept.clear();
        }
    }

    private static void replay(LogStore store, JsonNode entry, MessageSpill messages) {
        if (entry.path("op").asText().equals("reset")) {
            // A compacted segment: what older segments (left by a crash during compaction) built is stale.
            store.clear();
            return;
        }
        var groups = store.groups(entry.path("scope").asText());
        String name = entry.path("group").asText();
        LogGroup group = groups.get(name);
        switch (entry.path("op").asText()) {
            case "group" -> groups.putIfAbsent(name, new LogGroup(name, entry.path("arn").asText(),
                    entry.path("time").asLong()));
            case "deleteGroup" -> {
                if (group != null) {
                    groups.remove(name);
                    group.discard();
                }
            }
            case "retention" -> {
                if (group != null) {
                    group.retentionInDays = entry.path("days").isNull() ? null : entry.path("days").asInt();
                }
            }
            case "stream" -> {
                if (group != null) {
                    String stream = entry.path("stream").asText();
                    LogStream created = new LogStream(stream, entry.path("time").asLong(), messages);
                    if (group.streams.putIfAbsent(stream, created) == null && entry.has("sequence")) {
                        created.startAt(entry.path("sequence").asLong());
                    }
                }
            }
            case "expire" -> {
                LogStream stream = group == null ? null : group.streams.get(entry.path("stream").asText());
                if (stream != null) {
                    stream.dropBefore(entry.path("before").asLong());
                }
            }
            case "deleteStream" -> {
                LogStream removed = group == null ? null : group.streams.remove(entry.path("stream").asText());
                if (removed != null) {
                    removed.discard();
                }
            }
            case "events" -> {
                LogStream stream = group == null ? null : group.streams.get(entry.path("stream").asText());
                if (stream != null && stream.sequence() == entry.path("from").asLong()) {
                    List<LogEvent> events = new java.util.ArrayList<>();
                    for (JsonNode event : entry.path("events")) {
                        events.add(new LogEvent(event.get(0).asLong(), event.get(1).asText(), event.get(2).asLong()));
                    }
                    stream.append(events);
                }
            }
            default -> throw new IllegalStateException("unknown CloudWatch Logs journal entry " + entry);
        }
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
        }
    }
}

package io.github.kinesisfanout.local.logs;

import io.github.kinesisfanout.local.storage.AtomicFiles;
import io.github.kinesisfanout.local.storage.Frames;
import io.github.kinesisfanout.local.storage.SegmentLog;
import io.github.kinesisfanout.local.storage.SegmentReader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The segment log of spilled {@link EventChunk}s ({@code logs/spill/}, one frame per chunk), knowing
 * which chunks are still alive in each segment. A segment whose chunks are all dead (expired, deleted
 * with their group or stream, merged with late events, dropped after a journal compaction) is deleted at
 * once; {@link #compact} copies the live chunks of a segment more than half dead to the newest segment
 * and deletes it. So the spill stays about the size of the spilled events still kept, while running.
 */
final class SpillLog implements AutoCloseable {

    /** A segment file is closed past this size (small enough that segments die whole often). */
    static final long SEGMENT_BYTES = 16L * 1024 * 1024;
    /** A segment is compacted once more than half of it, and at least this much, is dead. */
    static final long MIN_DEAD_BYTES = 1024 * 1024;

    private final SegmentLog log;
    /** By segment id: its bytes written and alive, and its live chunks with their frame sizes. */
    private final Map<Long, Segment> segments = new HashMap<>();

    private static final class Segment {
        long written;
        long live;
        final Map<EventChunk, Integer> chunks = new IdentityHashMap<>();
    }

    private SpillLog(SegmentLog log) {
        this.log = log;
    }

    /** Opens an empty spill in {@code directory}, after deleting what a previous run left there. */
    static SpillLog open(Path directory) {
        AtomicFiles.deleteTree(directory);
        return new SpillLog(SegmentLog.open(directory, SEGMENT_BYTES, (segment, payload) -> { }));
    }

    /** Writes a chunk's frame (not fsync'd: the journal holds the events); returns where. Under the chunk's monitor. */
    synchronized long append(EventChunk chunk, ByteBuffer payload) {
        int bytes = Frames.HEADER_BYTES + payload.remaining();
        long location = log.appendLocated(List.of(payload), List::of);
        Segment segment = segments.computeIfAbsent(SegmentLog.segmentOf(location), id -> new Segment());
        segment.written += bytes;
        segment.live += bytes;
        segment.chunks.put(chunk, bytes);
        return location;
    }

    /** The frame of a chunk at {@code location} is dead; its segment goes when nothing in it is alive. */
    synchronized void release(EventChunk chunk, long location) {
        long id = SegmentLog.segmentOf(location);
        Segment segment = segments.get(id);
        Integer bytes = segment == null ? null : segment.chunks.remove(chunk);
        if (bytes == null) {
            return;
        }
        segment.live -= bytes;
        if (segment.chunks.isEmpty()) {
            if (id == log.currentSegment()) {
                log.seal();
            }
            log.deleteSegment(id);
            segments.remove(id);
        }
    }

    /** Writes a chunk's frame again at the end and releases its old place; returns the new location. */
    synchronized long move(EventChunk chunk, long from, ByteBuffer payload) {
        long to = append(chunk, payload);
        release(chunk, from);
        return to;
    }

    /**
     * Copies the live chunks of every segment more than half dead (by at least {@link #MIN_DEAD_BYTES})
     * to the newest segment; each such segment is deleted once its last chunk has moved. Chunks being
     * read or dying meanwhile are left alone by {@link EventChunk#relocate}.
     */
    void compact() {
        Map<Long, List<EventChunk>> work = new HashMap<>();
        synchronized (this) {
            for (Map.Entry<Long, Segment> entry : segments.entrySet()) {
                long dead = entry.getValue().written - entry.getValue().live;
                if (dead * 2 > entry.getValue().written && dead >= MIN_DEAD_BYTES) {
                    work.put(entry.getKey(), new ArrayList<>(entry.getValue().chunks.keySet()));
                }
            }
            if (work.containsKey(log.currentSegment())) {
                log.seal();
            }
        }
        SegmentReader disk = new SegmentReader(log);
        work.forEach((segment, chunks) -> chunks.forEach(chunk -> chunk.relocate(this, segment, disk)));
    }

    /** A reader of spilled frames, for one thread. */
    SegmentReader reader() {
        return new SegmentReader(log);
    }

    /** The bytes of every spill segment on disk. */
    long sizeBytes() {
        return log.sizeBytes();
    }

    @Override
    public void close() {
        log.close();
    }
}

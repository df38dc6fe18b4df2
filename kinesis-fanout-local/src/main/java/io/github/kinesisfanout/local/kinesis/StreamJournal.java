package io.github.kinesisfanout.local.kinesis;

import io.github.kinesisfanout.local.storage.DamagedFrameException;
import io.github.kinesisfanout.local.storage.Frames;
import io.github.kinesisfanout.local.storage.SegmentLog;
import io.github.kinesisfanout.local.storage.SegmentReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of one stream on disk: a segment log shared by its shards (so one fsync covers a whole
 * PutRecords), one frame per record. Each segment starts with a checkpoint of every shard's next
 * counter, so deleting expired segments never lets a sequence number be issued twice. The shards'
 * logs keep each record's location, and read the record back from here once its payload left memory.
 */
final class StreamJournal implements RecordJournal, AutoCloseable {

    private static final byte RECORD = 1;
    private static final byte CHECKPOINT = 2;

    private final Path directory;
    private final long segmentBytes;
    /** Shard index to {next counter, last arrival}. */
    private final Map<Integer, long[]> positions = new TreeMap<>();
    /** Segment id to the newest arrival time in it. */
    private final TreeMap<Long, Long> newestArrival = new TreeMap<>();
    private SegmentLog log;

    private StreamJournal(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /** The journal of a new stream; nothing is created on disk before the first record. */
    static StreamJournal create(Path directory, long segmentBytes) {
        return new StreamJournal(directory, segmentBytes);
    }

    /** Opens a stream's journal and puts its records back into the shards' logs. */
    static StreamJournal load(Path directory, long segmentBytes, Map<Integer, ShardLog> shards) {
        StreamJournal journal = new StreamJournal(directory, segmentBytes);
        journal.log = SegmentLog.openLocated(directory, segmentBytes, (segment, position, payload) -> {
            byte type = payload.get();
            if (type == RECORD) {
                journal.replayRecord(segment, SegmentLog.location(segment, position), payload, shards);
            } else if (type == CHECKPOINT) {
                journal.replayCheckpoint(payload, shards);
            }
        });
        return journal;
    }

    private void replayRecord(long segment, long location, ByteBuffer payload, Map<Integer, ShardLog> shards) {
        int shard = payload.getInt();
        long counter = payload.getLong();
        long arrival = payload.getLong();
        ShardLog target = shards.get(shard);
        if (target != null) {
            // Only where the record is: its payload is read back from disk when a read asks for it.
            target.restore(counter, location, Frames.HEADER_BYTES + payload.limit(), arrival);
        }
        advance(shard, counter + 1, arrival);
        newestArrival.merge(segment, arrival, Math::max);
    }

    private void replayCheckpoint(ByteBuffer payload, Map<Integer, ShardLog> shards) {
        int count = payload.getInt();
        for (int i = 0; i < count; i++) {
            int shard = payload.getInt();
            long next = payload.getLong();
            long arrival = payload.getLong();
            ShardLog target = shards.get(shard);
            if (target != null) {
                target.restoreNext(next, arrival);
            }
            advance(shard, next, arrival);
        }
    }

    private void advance(int shard, long next, long arrival) {
        long[] position = positions.computeIfAbsent(shard, k -> new long[2]);
        position[0] = Math.max(position[0], next);
        position[1] = Math.max(position[1], arrival);
    }

    @Override
    public synchronized long write(int shardIndex, long firstCounter, long arrivalMillis, List<byte[]> data,
            List<String> partitionKeys) {
        if (log == null) {
            log = SegmentLog.open(directory, segmentBytes, (segment, payload) -> { });
        }
        List<ByteBuffer> entries = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            byte[] key = partitionKeys.get(i).getBytes(StandardCharsets.UTF_8);
            byte[] bytes = data.get(i);
            entries.add(ByteBuffer.allocate(1 + 4 + 8 + 8 + 2 + key.length + bytes.length).put(RECORD)
                    .putInt(shardIndex).putLong(firstCounter + i).putLong(arrivalMillis).putShort((short) key.length)
                    .put(key).put(bytes).flip());
        }
        // The frames of one append follow each other, so the first one's location finds them all.
        long first = log.appendLocated(entries, this::checkpoint);
        advance(shardIndex, firstCounter + data.size(), arrivalMillis);
        newestArrival.merge(SegmentLog.segmentOf(first), arrivalMillis, Math::max);
        return first;
    }

    @Override
    public Reader reader() {
        SegmentLog current;
        synchronized (this) {
            current = log;
        }
        if (current == null) {
            throw new IllegalStateException("no records were written to " + directory);
        }
        SegmentReader segments = new SegmentReader(current);
        return new Reader() {
            /** The frame read last and the location just past it: a read then its after() check one frame once. */
            private long lastLocation = -1;
            private long lastEnd;

            @Override
            public StoredRecord read(long location, int shardIndex, long counter) {
                ByteBuffer payload = segments.payload(location);
                lastLocation = location;
                lastEnd = location + Frames.HEADER_BYTES + payload.remaining();
                return decode(payload, location, shardIndex, counter);
            }

            @Override
            public long after(long location) {
                return location == lastLocation ? lastEnd
                        : location + Frames.HEADER_BYTES + segments.payload(location).remaining();
            }
        };
    }

    private StoredRecord decode(ByteBuffer payload, long location, int shardIndex, long counter) {
        if (payload.remaining() < 1 + 4 + 8 + 8 + 2 || payload.get() != RECORD || payload.getInt() != shardIndex
                || payload.getLong() != counter) {
            throw new DamagedFrameException("the frame at byte " + SegmentLog.positionOf(location) + " of segment "
                    + SegmentLog.segmentOf(location) + " in " + directory + " is not record " + counter + " of shard "
                    + shardIndex);
        }
        long arrival = payload.getLong();
        byte[] key = new byte[payload.getShort() & 0xffff];
        payload.get(key);
        byte[] data = new byte[payload.remaining()];
        payload.get(data);
        return new StoredRecord(counter, data, new String(key, StandardCharsets.UTF_8), arrival);
    }

    private List<ByteBuffer> checkpoint() {
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + positions.size() * 20).put(CHECKPOINT).putInt(positions.size());
        positions.forEach((shard, position) -> out.putInt(shard).putLong(position[0]).putLong(position[1]));
        return List.of(out.flip());
    }

    @Override
    public void awaitDurable() {
        SegmentLog current;
        synchronized (this) {
            current = log;
        }
        if (current != null) {
            current.awaitDurable();
        }
    }

    /** Deletes the oldest segments whose records all arrived before {@code cutoffMillis}. */
    synchronized void trimBefore(long cutoffMillis) {
        if (log == null) {
            return;
        }
        long current = log.currentSegment();
        long deleteBefore = -1;
        for (long segment : log.segmentIds()) {
            if (segment >= current || newestArrival.getOrDefault(segment, 0L) >= cutoffMillis) {
                break;
            }
            deleteBefore = segment + 1;
        }
        if (deleteBefore > 0) {
            log.deleteBefore(deleteBefore);
            newestArrival.headMap(deleteBefore).clear();
        }
    }

    /** The segment files on disk, oldest first. */
    synchronized List<Long> segments() {
        return log == null ? List.of() : log.segmentIds();
    }

    @Override
    public synchronized void close() {
        if (log != null) {
            log.close();
        }
    }
}

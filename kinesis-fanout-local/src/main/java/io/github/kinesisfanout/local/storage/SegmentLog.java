package io.github.kinesisfanout.local.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * An append-only log of framed entries in numbered segment files of a directory. Appends are written
 * to the operating system at once; {@link #awaitDurable()} fsyncs with group commit (one fsync covers
 * every append made before it, so concurrent writers share it). Old segments are deleted whole.
 */
public final class SegmentLog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SegmentLog.class.getName());
    /** Read-only channels kept open at most (one per segment being read back). */
    private static final int MAX_OPEN_READERS = 16;

    private final Path directory;
    private final long segmentBytes;
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    /** Read-only channels of segments read back by {@link #read}, closed when their segment goes. */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, FileChannel> readers =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Condition syncDone = syncLock.newCondition();
    private FileChannel channel;
    private long segmentId;
    /** The highest segment id ever opened for writing, so an id is never used twice, even after {@link #deleteSegment}. */
    private long lastSegmentId;
    private long size;
    private long writes;
    private long synced;
    private boolean syncing;

    private SegmentLog(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens the log in a directory, hands every intact entry of every segment to {@code replay} in
     * order, and cuts off a torn tail of the last segment (logged).
     */
    public static SegmentLog open(Path directory, long segmentBytes, SegmentReplay replay) {
        return openLocated(directory, segmentBytes, (segment, position, payload) -> replay.entry(segment, payload));
    }

    /**
     * Opens the log like {@link #open}, handing each entry with the position of its frame in its segment
     * (what {@link #location} and {@link SegmentReader} take to read it back later).
     */
    public static SegmentLog openLocated(Path directory, long segmentBytes, LocatedReplay replay) {
        SegmentLog log = new SegmentLog(directory, segmentBytes);
        try {
            Files.createDirectories(directory);
            try (var files = Files.list(directory)) {
                files.filter(SegmentLog::isSegment).forEach(file -> log.segments.put(SegmentLog.idOf(file), file));
            }
            for (var segment : log.segments.entrySet()) {
                log.replay(segment.getKey(), segment.getValue(), segment.getKey().equals(log.segments.lastKey()),
                        replay);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
        return log;
    }

    private static boolean isSegment(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("segment-") && name.endsWith(".log");
    }

    private static long idOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring("segment-".length(), name.length() - ".log".length()));
    }

    private void replay(long id, Path file, boolean last, LocatedReplay replay) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        int position = 0;
        while (position < bytes.limit()) {
            int frame = Frames.check(bytes, position);
            if (frame < 0) {
                break;
            }
            replay.entry(id, position, bytes.slice(position + Frames.HEADER_BYTES, frame - Frames.HEADER_BYTES));
            position += frame;
        }
        if (position < bytes.limit()) {
            int dropped = bytes.limit() - position;
            if (last) {
                LOG.warning("cut off a torn tail of " + file + ": " + dropped + " bytes after byte " + position
                        + " failed their length or CRC32C check (a write interrupted by a crash); they were never"
                        + " acknowledged");
                try (FileChannel truncate = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    truncate.truncate(position);
                    truncate.force(true);
                }
            } else {
                LOG.severe("skipped " + dropped + " damaged bytes after byte " + position + " of " + file);
            }
        }
    }

    /** The directory of the segment files. */
    public Path directory() {
        return directory;
    }

    /** The id of the segment the next append goes to (segments are numbered upwards). */
    public synchronized long currentSegment() {
        return channel == null ? Math.max(lastSegmentId, segments.isEmpty() ? 0 : segments.lastKey()) + 1 : segmentId;
    }

    /**
     * Appends entries in one write. When the current segment is full a new one starts, beginning with
     * the entries {@code header} gives (state a reader of that segment alone needs).
     *
     * @return the id of the segment written to
     */
    public synchronized long append(List<ByteBuffer> entries, Supplier<List<ByteBuffer>> header) {
        return segmentOf(appendLocated(entries, header));
    }

    /**
     * Appends entries in one write like {@link #append}; returns the {@link #location} of the first
     * entry's frame (the others follow it, each {@link Frames#HEADER_BYTES} plus its payload long).
     */
    public synchronized long appendLocated(List<ByteBuffer> entries, Supplier<List<ByteBuffer>> header) {
        try {
            if (channel == null || size >= segmentBytes) {
                roll(header.get());
            }
            long location = location(segmentId, size);
            write(Frames.encode(entries));
            return location;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + directory, e);
        }
    }

    /** A frame's place as one long: its segment id in the high 32 bits, its byte position in the low 32. */
    public static long location(long segmentId, long position) {
        if (segmentId < 0 || segmentId > Integer.MAX_VALUE || position < 0 || position > 0xffffffffL) {
            throw new IllegalArgumentException("no location for byte " + position + " of segment " + segmentId);
        }
        return segmentId << 32 | position;
    }

    /** The segment id of a {@link #location}. */
    public static long segmentOf(long location) {
        return location >>> 32;
    }

    /** The byte position in its segment of a {@link #location}. */
    public static long positionOf(long location) {
        return location & 0xffffffffL;
    }

    /**
     * Reads bytes of a segment from a position into {@code into} (fewer at the segment's end); returns
     * how many. Reads share one read-only channel per segment and may run concurrently with appends.
     *
     * @throws UncheckedIOException when the segment was deleted or cannot be read
     */
    public int read(long segmentId, long position, ByteBuffer into) {
        int start = into.position();
        for (int attempt = 0; ; attempt++) {
            FileChannel reader = readers.get(segmentId);
            if (reader == null) {
                reader = openReader(segmentId);
            }
            try {
                int total = 0;
                while (into.hasRemaining()) {
                    int read = reader.read(into, position + total);
                    if (read < 0) {
                        break;
                    }
                    total += read;
                }
                return total;
            } catch (ClosedChannelException e) {
                // Closed meanwhile to keep the open readers few (or the segment was deleted): open it again.
                into.position(start);
                if (attempt == 2) {
                    throw new UncheckedIOException("cannot read segment " + segmentId + " of " + directory, e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read segment " + segmentId + " of " + directory, e);
            }
        }
    }

    private synchronized FileChannel openReader(long segmentId) {
        FileChannel reader = readers.get(segmentId);
        if (reader != null) {
            return reader;
        }
        Path file = segments.get(segmentId);
        if (file == null) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(directory
                    .resolve(String.format("segment-%020d.log", segmentId)).toString(), null,
                    "segment " + segmentId + " of " + directory + " is not on disk (deleted by retention?)"));
        }
        try {
            reader = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        readers.put(segmentId, reader);
        while (readers.size() > MAX_OPEN_READERS) {
            // The oldest segments are the least likely to be read next (reads move forward).
            var oldest = readers.firstKey() == segmentId ? readers.lastEntry() : readers.firstEntry();
            readers.remove(oldest.getKey());
            try {
                oldest.getValue().close();
            } catch (IOException e) {
                LOG.warning("closing a reader of " + directory + " failed: " + e);
            }
        }
        return reader;
    }

    private synchronized void closeReaders(long beforeSegmentId) {
        var stale = readers.headMap(beforeSegmentId);
        for (FileChannel reader : stale.values()) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.warning("closing a reader of " + directory + " failed: " + e);
            }
        }
        stale.clear();
    }

    private void roll(List<ByteBuffer> header) throws IOException {
        long next = channel == null ? currentSegment() : segmentId + 1;
        if (channel != null) {
            channel.force(false);
            channel.close();
        }
        Path file = directory.resolve(String.format("segment-%020d.log", next));
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        segments.put(next, file);
        segmentId = next;
        lastSegmentId = Math.max(lastSegmentId, next);
        size = channel.size();
        AtomicFiles.syncDirectory(directory);
        if (!header.isEmpty()) {
            write(Frames.encode(header));
        }
    }

    private void write(ByteBuffer frames) throws IOException {
        while (frames.hasRemaining()) {
            size += channel.write(frames);
        }
        writes++;
    }

    /** Returns once every append made before this call is on disk (fsync, shared with concurrent callers). */
    public void awaitDurable() {
        long target;
        synchronized (this) {
            target = writes;
        }
        syncLock.lock();
        try {
            while (synced < target) {
                if (syncing) {
                    syncDone.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long upTo;
                FileChannel current;
                syncLock.unlock();
                try {
                    synchronized (this) {
                        upTo = writes;
                        current = channel;
                    }
                    force(current);
                } finally {
                    syncLock.lock();
                    syncing = false;
                    syncDone.signalAll();
                }
                synced = Math.max(synced, upTo);
            }
        } finally {
            syncLock.unlock();
        }
    }

    private void force(FileChannel current) {
        try {
            if (current != null) {
                current.force(false);
            }
        } catch (ClosedChannelException e) {
            // Rolled or closed meanwhile: both fsync the segment before closing it.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync " + directory, e);
        }
    }

    /** Deletes every segment older than {@code segmentId} (never the one being written). */
    public synchronized void deleteBefore(long segmentId) {
        while (!segments.isEmpty() && segments.firstKey() < segmentId
                && (channel == null || segments.firstKey() != this.segmentId)) {
            var first = segments.pollFirstEntry();
            closeReaders(first.getKey() + 1);
            Path file = first.getValue();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
    }

    /**
     * Deletes one segment, whatever its age (one whose entries are all dead); never the one being written
     * ({@link #seal} it first). Its id is not used again.
     */
    public synchronized void deleteSegment(long segmentId) {
        if (channel != null && segmentId == this.segmentId) {
            throw new IllegalStateException("segment " + segmentId + " of " + directory + " is being written");
        }
        Path file = segments.remove(segmentId);
        FileChannel reader = readers.remove(segmentId);
        try {
            if (reader != null) {
                reader.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /**
     * Closes the segment being written, so the next append starts a new one; returns the id of the
     * newest segment now closed for good (0 when there is none). Those segments no longer change, so
     * they may be read with {@link #replayUpTo} and replaced with {@link #replaceUpTo} meanwhile.
     */
    public synchronized long seal() {
        if (channel != null) {
            try {
                channel.force(false);
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + directory, e);
            }
            channel = null;
        }
        return segments.isEmpty() ? 0 : segments.lastKey();
    }

    /** Hands every intact entry of the sealed segments up to {@code segmentId} to {@code replay}, oldest first. */
    public void replayUpTo(long segmentId, SegmentReplay replay) {
        List<java.util.Map.Entry<Long, Path>> sealed;
        synchronized (this) {
            sealed = List.copyOf(segments.headMap(segmentId, true).entrySet());
        }
        try {
            for (var segment : sealed) {
                replay(segment.getKey(), segment.getValue(), false,
                        (id, position, payload) -> replay.entry(id, payload));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
    }

    /**
     * Replaces the sealed segments up to {@code segmentId} by one segment holding {@code entries}: written
     * to a temporary file, fsync'd, renamed over segment {@code segmentId}, then the older segments are
     * deleted. A crash between the rename and the deletions leaves older segments that are replayed first,
     * so the entries must begin with one that makes them irrelevant (a reset of the state they built).
     */
    public void replaceUpTo(long segmentId, Iterable<ByteBuffer> entries) {
        Path target;
        synchronized (this) {
            target = segments.get(segmentId);
            if (target == null || (channel != null && this.segmentId <= segmentId)) {
                throw new IllegalStateException("segment " + segmentId + " of " + directory + " is not sealed");
            }
        }
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (ByteBuffer entry : entries) {
                    ByteBuffer frame = Frames.encode(List.of(entry));
                    while (frame.hasRemaining()) {
                        out.write(frame);
                    }
                }
                out.force(true);
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + target, e);
        }
        deleteBefore(segmentId);
        closeReaders(segmentId + 1);
        AtomicFiles.syncDirectory(directory);
    }

    /** The bytes of every segment on disk. */
    public synchronized long sizeBytes() {
        long total = 0;
        for (Path file : segments.values()) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // Deleted meanwhile: it counts for nothing.
            }
        }
        return total;
    }

    /** The ids of the segments on disk, oldest first. */
    public synchronized List<Long> segmentIds() {
        return List.copyOf(segments.keySet());
    }

    /** Fsyncs and closes the segment being written. */
    @Override
    public synchronized void close() {
        closeReaders(Long.MAX_VALUE);
        if (channel != null) {
            try {
                channel.force(false);
                channel.close();
            } catch (IOException e) {
                LOG.warning("closing " + directory + " failed: " + e);
            }
            channel = null;
        }
    }
}

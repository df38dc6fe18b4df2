package io.github.kinesisfanout.local.firehose;

import io.github.kinesisfanout.local.storage.SegmentLog;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The records in a delivery stream's {@link S3Buffer}, journaled so a {@code kill -9} does not lose
 * them: each record is one frame of a {@link SegmentLog}, fsync'd before its put answers; once the
 * buffer is written to S3 every segment is deleted. Without a data directory it keeps nothing.
 */
final class BufferJournal {

    /** Keeps nothing. */
    static final BufferJournal NONE = new BufferJournal(null);
    private static final long SEGMENT_BYTES = 64L * 1024 * 1024;

    private final SegmentLog log;

    private BufferJournal(SegmentLog log) {
        this.log = log;
    }

    /** Opens the journal in {@code directory}, handing each record still in it to {@code replay}, oldest first. */
    static BufferJournal open(Path directory, Consumer<byte[]> replay) {
        return new BufferJournal(SegmentLog.open(directory, SEGMENT_BYTES, (segment, payload) -> {
            byte[] data = new byte[payload.remaining()];
            payload.get(data);
            replay.accept(data);
        }));
    }

    /** Appends a record (written to the operating system; {@link #awaitDurable()} makes it durable). */
    void append(byte[] data) {
        if (log != null) {
            log.append(List.of(ByteBuffer.wrap(data)), List::of);
        }
    }

    /** Returns once every record appended so far is on disk (one fsync shared by concurrent puts). */
    void awaitDurable() {
        if (log != null) {
            log.awaitDurable();
        }
    }

    /** Forgets every record: the buffer was written to S3. */
    void clear() {
        if (log != null) {
            log.seal();
            log.deleteBefore(Long.MAX_VALUE);
        }
    }

    void close() {
        if (log != null) {
            log.close();
        }
    }
}

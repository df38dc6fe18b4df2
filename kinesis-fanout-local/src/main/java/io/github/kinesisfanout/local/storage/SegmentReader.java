package io.github.kinesisfanout.local.storage;

import java.nio.ByteBuffer;

/**
 * Reads frames of a {@link SegmentLog} back by {@link SegmentLog#location}, each checked against its
 * CRC32C. Reads ahead in chunks, so frames read in file order cost one read per chunk. Not shared
 * between threads: one reader per read of many frames.
 */
public final class SegmentReader {

    /** Bytes read ahead from a frame's position. */
    public static final int CHUNK_BYTES = 256 * 1024;

    private final SegmentLog log;
    private ByteBuffer chunk = ByteBuffer.allocate(0);
    private long chunkSegment = -1;
    private long chunkPosition;

    public SegmentReader(SegmentLog log) {
        this.log = log;
    }

    /**
     * The payload of the frame at a location (a read-only view, valid until the next call).
     *
     * @throws DamagedFrameException when the bytes there are not an intact frame
     */
    public ByteBuffer payload(long location) {
        long segment = SegmentLog.segmentOf(location);
        long position = SegmentLog.positionOf(location);
        int frame = inChunk(segment, position);
        if (frame < 0) {
            fill(segment, position, CHUNK_BYTES);
            if (chunk.limit() >= Frames.HEADER_BYTES) {
                int length = chunk.getInt(0);
                if (length >= 0 && length <= Frames.MAX_PAYLOAD_BYTES
                        && Frames.HEADER_BYTES + length > chunk.limit() && chunk.limit() == CHUNK_BYTES) {
                    // A frame larger than a chunk: read all of it.
                    fill(segment, position, Frames.HEADER_BYTES + length);
                }
            }
            frame = inChunk(segment, position);
            if (frame < 0) {
                throw new DamagedFrameException("the frame at byte " + position + " of "
                        + String.format("segment-%020d.log", segment) + " in " + log.directory()
                        + " fails its length or CRC32C check (" + chunk.limit() + " bytes read there)");
            }
        }
        int start = (int) (position - chunkPosition);
        return chunk.slice(start + Frames.HEADER_BYTES, frame - Frames.HEADER_BYTES).asReadOnlyBuffer();
    }

    private int inChunk(long segment, long position) {
        if (segment != chunkSegment || position < chunkPosition || position - chunkPosition >= chunk.limit()) {
            return -1;
        }
        return Frames.check(chunk, (int) (position - chunkPosition));
    }

    private void fill(long segment, long position, int bytes) {
        if (chunk.capacity() < bytes) {
            chunk = ByteBuffer.allocate(bytes);
        }
        chunk.clear().limit(bytes);
        log.read(segment, position, chunk);
        chunk.flip();
        chunkSegment = segment;
        chunkPosition = position;
    }
}

package io.github.kinesisfanout.local.storage;

import java.nio.ByteBuffer;

/**
 * Receives the intact entries of a {@link SegmentLog} when it is opened, oldest first, each with the
 * position of its frame in its segment (so it can be read back later without keeping it in memory).
 */
@FunctionalInterface
public interface LocatedReplay {

    /** One entry's payload, read from the frame at byte {@code position} of segment {@code segmentId}. */
    void entry(long segmentId, long position, ByteBuffer payload);
}

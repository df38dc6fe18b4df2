package io.github.kinesisfanout.local.storage;

import java.nio.ByteBuffer;

/** Receives the intact entries of a {@link SegmentLog} when it is opened, oldest first. */
@FunctionalInterface
public interface SegmentReplay {

    /** One entry's payload, read from segment {@code segmentId}. */
    void entry(long segmentId, ByteBuffer payload);
}

package io.github.kinesisfanout.local.kinesis.access;

import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import java.time.Duration;
import java.util.List;

/**
 * Where one reader is in one shard: opened at a starting position, it moves past every batch it
 * reads, waits on the stream's new-data signal when caught up, and ends once a closed shard is
 * read to its end, reporting the child shards that continue it. Not thread-safe: one reader each.
 */
public final class ShardCursor {

    private final StreamAccess streams;
    private final String streamArn;
    private final String shardId;
    private StartingPosition position;
    private List<ShardInfo> childShards = List.of();

    private ShardCursor(StreamAccess streams, String streamArn, String shardId, StartingPosition position) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.shardId = shardId;
        this.position = position;
    }

    /**
     * A cursor at TRIM_HORIZON, AT_TIMESTAMP, AT_ / AFTER_SEQUENCE_NUMBER or LATEST. LATEST is
     * pinned to the shard's tip now, as a shard iterator is, so every record put after this
     * returns is read.
     */
    public static ShardCursor open(StreamAccess streams, String streamArn, String shardId, StartingPosition start) {
        ShardCursor cursor = new ShardCursor(streams, streamArn, shardId, start);
        if ("LATEST".equals(start.type())) {
            ReadResult tip = streams.read(streamArn, shardId, start, 1);
            if (!tip.records().isEmpty()) {
                cursor.position = StartingPosition.atSequenceNumber(tip.records().get(0).sequenceNumber());
            } else {
                cursor.moveTo(tip);
            }
        }
        return cursor;
    }

    public String shardId() {
        return shardId;
    }

    /**
     * Where the next read starts (LATEST already pinned to a sequence number), to checkpoint and
     * open a cursor at again after a restart; null once {@link #ended()}.
     */
    public StartingPosition position() {
        return position;
    }

    /** Up to {@code limit} records from the cursor's position; the cursor moves past them. */
    public ReadResult read(int limit) {
        if (ended()) {
            throw new IllegalStateException(shardId + " is read to its end");
        }
        ReadResult result = streams.read(streamArn, shardId, position, limit);
        moveTo(result);
        return result;
    }

    /**
     * Waits until a read would return a record or the shard is closed, at most {@code timeout}.
     *
     * @return whether a record is there to read
     */
    public boolean awaitData(Duration timeout) throws InterruptedException {
        return ended() || streams.awaitData(streamArn, shardId, position, timeout);
    }

    /** Whether the shard is closed and everything in it was read. */
    public boolean ended() {
        return position == null;
    }

    /** The shards that continue this one, once it {@link #ended()}; else empty. */
    public List<ShardInfo> childShards() {
        return childShards;
    }

    private void moveTo(ReadResult result) {
        position = result.nextPosition();
        if (position == null) {
            childShards = result.childShards();
        }
    }
}

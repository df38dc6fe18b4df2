package io.github.kinesisfanout.local.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** One shard: its id, hash key range, lineage, sequence number range and record log. */
final class Shard {

    private final int index;
    private final String shardId;
    private final BigInteger startingHashKey;
    private final BigInteger endingHashKey;
    private final String parentShardId;
    private final String adjacentParentShardId;
    private final long createdMillis;
    private final ShardLog log;
    /** The 25 ASCII digits every sequence number of this shard starts with. */
    private final byte[] sequencePrefix;
    /** The hash key range as unsigned 128-bit numbers in two longs each, for routing without BigInteger. */
    private final long startingHigh;
    private final long startingLow;
    private final long endingHigh;
    private final long endingLow;
    private volatile String endingSequenceNumber;
    private volatile long closedMillis = Long.MAX_VALUE;
    private volatile java.util.List<Shard> children = java.util.List.of();
    private final ThroughputMeter meter = new ThroughputMeter();

    Shard(int index, BigInteger startingHashKey, BigInteger endingHashKey, String parentShardId,
            String adjacentParentShardId, long createdMillis, ShardLog log) {
        this.index = index;
        this.shardId = shardId(index);
        this.startingHashKey = startingHashKey;
        this.endingHashKey = endingHashKey;
        this.parentShardId = parentShardId;
        this.adjacentParentShardId = adjacentParentShardId;
        this.createdMillis = createdMillis;
        this.log = log;
        this.sequencePrefix = SequenceNumbers.prefix(createdMillis, index).getBytes(StandardCharsets.US_ASCII);
        this.startingHigh = HashKeys.high(startingHashKey);
        this.startingLow = startingHashKey.longValue();
        this.endingHigh = HashKeys.high(endingHashKey);
        this.endingLow = endingHashKey.longValue();
    }

    /** AWS shard ids: {@code shardId-} and the index in 12 zero-padded digits. */
    static String shardId(int index) {
        return String.format("shardId-%012d", index);
    }

    int index() {
        return index;
    }

    String shardId() {
        return shardId;
    }

    BigInteger startingHashKey() {
        return startingHashKey;
    }

    BigInteger endingHashKey() {
        return endingHashKey;
    }

    boolean covers(BigInteger hashKey) {
        return startingHashKey.compareTo(hashKey) <= 0 && endingHashKey.compareTo(hashKey) >= 0;
    }

    /** Whether the hash key {@code high:low} (unsigned, high 64 bits first) is after this shard's range. */
    boolean endsBefore(long high, long low) {
        int byHigh = Long.compareUnsigned(endingHigh, high);
        return byHigh < 0 || byHigh == 0 && Long.compareUnsigned(endingLow, low) < 0;
    }

    /** Whether the hash key {@code high:low} (unsigned, high 64 bits first) is before this shard's range. */
    boolean startsAfter(long high, long low) {
        int byHigh = Long.compareUnsigned(startingHigh, high);
        return byHigh > 0 || byHigh == 0 && Long.compareUnsigned(startingLow, low) > 0;
    }

    String parentShardId() {
        return parentShardId;
    }

    String adjacentParentShardId() {
        return adjacentParentShardId;
    }

    long createdMillis() {
        return createdMillis;
    }

    ShardLog log() {
        return log;
    }

    ThroughputMeter meter() {
        return meter;
    }

    String sequenceNumber(long counter) {
        byte[] digits = new byte[SequenceNumbers.LENGTH];
        SequenceNumbers.write(sequencePrefix, counter, digits);
        return new String(digits, StandardCharsets.US_ASCII);
    }

    /** Writes the sequence number of a counter as 56 ASCII digits into {@code out}. */
    void sequenceNumber(long counter, byte[] out) {
        SequenceNumbers.write(sequencePrefix, counter, out);
    }

    String startingSequenceNumber() {
        return sequenceNumber(0);
    }

    /** Null while the shard is open. */
    String endingSequenceNumber() {
        return endingSequenceNumber;
    }

    /** Closes the shard in favour of the shards that take over its hash keys. */
    void closeInto(java.util.List<Shard> successors, long nowMillis) {
        children = java.util.List.copyOf(successors);
        close(nowMillis);
    }

    /** The shards that took over this shard's hash keys when it was resharded (empty otherwise). */
    java.util.List<Shard> children() {
        return children;
    }

    /** When the shard was closed; Long.MAX_VALUE while open. */
    long closedMillis() {
        return closedMillis;
    }

    boolean isOpen() {
        return endingSequenceNumber == null;
    }

    /** Closes the shard to writes; its ending sequence number is the last one it can have issued. */
    void close(long nowMillis) {
        closedMillis = nowMillis;
        log.close();
        endingSequenceNumber = sequenceNumber(Math.max(0, log.nextCounter() - 1));
    }

    /** Restores a shard that was closed before a restart, with the ending sequence number it had. */
    void restoreClosed(long closedMillis, String endingSequenceNumber, java.util.List<Shard> successors) {
        log.close();
        this.closedMillis = closedMillis;
        this.children = java.util.List.copyOf(successors);
        this.endingSequenceNumber = endingSequenceNumber;
    }

    /** The public view of this shard. */
    ShardInfo info() {
        return new ShardInfo(shardId, parentShardId, adjacentParentShardId, startingHashKey, endingHashKey,
                startingSequenceNumber(), endingSequenceNumber);
    }
}

package io.github.kinesisfanout.local.kinesis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One stream: identity, status, mode, retention, tags and its shards (open and closed). Metadata
 * changes take this object's monitor; the shard list is copy-on-write so the write path reads it
 * without locking.
 */
final class Stream {

    private final String accountId;
    private final String region;
    private final String name;
    private final long createdMillis;
    private final List<Shard> shards = new CopyOnWriteArrayList<>();
    private volatile List<Shard> openShards = List.of();
    private final Map<String, String> tags = new TreeMap<>();
    private volatile String status;
    private volatile String streamMode;
    private volatile int retentionPeriodHours = 24;
    private int nextShardIndex;

    Stream(String accountId, String region, String name, String streamMode, long createdMillis) {
        this.accountId = accountId;
        this.region = region;
        this.name = name;
        this.streamMode = streamMode;
        this.createdMillis = createdMillis;
        this.status = "CREATING";
    }

    String accountId() {
        return accountId;
    }

    String region() {
        return region;
    }

    String name() {
        return name;
    }

    String arn() {
        return "arn:aws:kinesis:" + region + ":" + accountId + ":stream/" + name;
    }

    long createdMillis() {
        return createdMillis;
    }

    String status() {
        return status;
    }

    void status(String status) {
        this.status = status;
    }

    String streamMode() {
        return streamMode;
    }

    void streamMode(String mode) {
        this.streamMode = mode;
    }

    int retentionPeriodHours() {
        return retentionPeriodHours;
    }

    void retentionPeriodHours(int hours) {
        this.retentionPeriodHours = hours;
    }

    /** The tags, guarded by this stream's monitor. */
    Map<String, String> tags() {
        return tags;
    }

    /** Every shard, in shard id order. */
    List<Shard> shards() {
        return shards;
    }

    /** The open shards, in hash key order. */
    List<Shard> openShards() {
        return openShards;
    }

    Shard shard(String shardId) {
        for (Shard shard : shards) {
            if (shard.shardId().equals(shardId)) {
                return shard;
            }
        }
        return null;
    }

    /** The index the next new shard gets. */
    synchronized int takeShardIndex() {
        return nextShardIndex++;
    }

    /** The index the next new shard would get. */
    synchronized int nextShardIndex() {
        return nextShardIndex;
    }

    /** Restores the shard counter at start. */
    synchronized void restoreNextShardIndex(int next) {
        nextShardIndex = next;
    }

    /** Lists new shards without routing writes to them yet ({@link #refreshOpenShards()} does). */
    synchronized void appendShards(List<Shard> added) {
        shards.addAll(added);
    }

    /** Adds new shards and recomputes the open set; callers hold this stream's monitor. */
    synchronized void addShards(List<Shard> added) {
        shards.addAll(added);
        refreshOpenShards();
    }

    synchronized void refreshOpenShards() {
        List<Shard> open = new ArrayList<>();
        for (Shard shard : shards) {
            if (shard.isOpen()) {
                open.add(shard);
            }
        }
        open.sort((a, b) -> a.startingHashKey().compareTo(b.startingHashKey()));
        openShards = List.copyOf(open);
    }

    /** The open shard owning a hash key (binary search over the open shards' ranges). */
    Shard route(BigInteger hashKey) {
        return route(HashKeys.high(hashKey), hashKey.longValue());
    }

    /** The open shard owning the hash key {@code high:low}: its unsigned high and low 64 bits. */
    Shard route(long high, long low) {
        List<Shard> open = openShards;
        int lowIndex = 0;
        int highIndex = open.size() - 1;
        while (lowIndex <= highIndex) {
            int mid = (lowIndex + highIndex) >>> 1;
            Shard shard = open.get(mid);
            if (shard.endsBefore(high, low)) {
                lowIndex = mid + 1;
            } else if (shard.startsAfter(high, low)) {
                highIndex = mid - 1;
            } else {
                return shard;
            }
        }
        throw new IllegalStateException("no open shard of " + name + " owns hash key "
                + new BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(high).putLong(low).array()));
    }
}

package io.github.kinesisfanout.local.kinesis;

import java.util.List;

/**
 * Where the Kinesis service keeps its streams and their records, per account and region. The
 * in-memory store is the default; a durable store implements the same contract.
 */
interface StreamStore {

    /** The stream, or null. */
    Stream find(String accountId, String region, String name);

    /** Adds a stream; false when one of that name exists in its account and region. */
    boolean add(Stream stream);

    /** Removes a stream and its records. */
    void remove(Stream stream);

    /** The streams of an account and region, sorted by name. */
    List<Stream> list(String accountId, String region);

    /** Every stream of every account and region (retention trimming walks them). */
    List<Stream> all();

    /** A new, empty record log for a shard of a stream. */
    ShardLog newShardLog(Stream stream, String shardId);

    /** Keeps a stream's metadata after a change (status, tags, retention, mode, shards); callers hold its monitor. */
    default void changed(Stream stream) {
    }

    /** Frees the storage of a stream's records that arrived before a time (retention). */
    default void trimmed(Stream stream, long cutoffMillis) {
    }

    /** Releases files and handles; the state stays on disk. */
    default void close() {
    }
}

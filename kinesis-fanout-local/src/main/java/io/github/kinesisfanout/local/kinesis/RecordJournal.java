package io.github.kinesisfanout.local.kinesis;

import java.util.List;

/**
 * Where a shard's appended records go besides memory: nowhere for an in-memory cloud, a stream's
 * segment log on disk with a data directory. Writes happen in counter order under the shard's lock.
 */
interface RecordJournal {

    /** The journal of an in-memory cloud: keeps nothing. */
    RecordJournal NONE = new RecordJournal() {
        @Override
        public void write(int shardIndex, long firstCounter, long arrivalMillis, List<byte[]> data,
                List<String> partitionKeys) {
        }

        @Override
        public void awaitDurable() {
        }
    };

    /** Writes records numbered from {@code firstCounter} to the operating system (not yet fsync'd). */
    void write(int shardIndex, long firstCounter, long arrivalMillis, List<byte[]> data, List<String> partitionKeys);

    /** Returns once every record written before this call is on disk. */
    void awaitDurable();
}

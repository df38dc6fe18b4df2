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
        public long write(int shardIndex, long firstCounter, long arrivalMillis, List<byte[]> data,
                List<String> partitionKeys) {
            return -1;
        }

        @Override
        public void awaitDurable() {
        }

        @Override
        public Reader reader() {
            throw new IllegalStateException("an in-memory cloud keeps no records on disk to read back");
        }
    };

    /**
     * Writes records numbered from {@code firstCounter} to the operating system (not yet fsync'd).
     *
     * @return where the first record's frame is on disk (the others follow it), to read them back with
     *     {@link #reader()}; -1 when they are kept nowhere
     */
    long write(int shardIndex, long firstCounter, long arrivalMillis, List<byte[]> data, List<String> partitionKeys);

    /** Returns once every record written before this call is on disk. */
    void awaitDurable();

    /** Reads records back from disk; one per read of a shard (it reads ahead, and is not shared). */
    Reader reader();

    /** Reads records back from where {@link #write} (or the replay at start) found them. */
    interface Reader {

        /** The record at a location; it must be the one of that shard and counter, else the file is damaged. */
        StoredRecord read(long location, int shardIndex, long counter);

        /** The location of the frame that follows the one at {@code location} (the next record of its append). */
        long after(long location);
    }
}

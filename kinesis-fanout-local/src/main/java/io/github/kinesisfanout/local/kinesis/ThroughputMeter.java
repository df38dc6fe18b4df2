package io.github.kinesisfanout.local.kinesis;

/**
 * Per-shard usage in the current one-second window, checked against the provisioned limits of a
 * shard (writes 1 MiB/s and 1,000 records/s; reads 5 GetRecords calls/s and 2 MiB/s) when the
 * throughput-limit switch is on.
 */
final class ThroughputMeter {

    static final long WRITE_BYTES_PER_SECOND = 1024 * 1024;
    static final int WRITE_RECORDS_PER_SECOND = 1000;
    static final int READ_CALLS_PER_SECOND = 5;
    static final long READ_BYTES_PER_SECOND = 2 * 1024 * 1024;

    private long writeWindow = -1;
    private long writeBytes;
    private int writeRecords;
    private long readWindow = -1;
    private int readCalls;
    private long readBytes;

    /** Counts one record write unless it would exceed the shard's write limits. */
    synchronized boolean tryWrite(long nowMillis, long bytes) {
        long window = nowMillis / 1000;
        if (window != writeWindow) {
            writeWindow = window;
            writeBytes = 0;
            writeRecords = 0;
        }
        if (writeRecords + 1 > WRITE_RECORDS_PER_SECOND || writeBytes + bytes > WRITE_BYTES_PER_SECOND) {
            return false;
        }
        writeRecords++;
        writeBytes += bytes;
        return true;
    }

    /** Counts one GetRecords call unless the shard's read limits are used up for this second. */
    synchronized boolean tryRead(long nowMillis) {
        long window = nowMillis / 1000;
        if (window != readWindow) {
            readWindow = window;
            readCalls = 0;
            readBytes = 0;
        }
        if (readCalls >= READ_CALLS_PER_SECOND || readBytes >= READ_BYTES_PER_SECOND) {
            return false;
        }
        readCalls++;
        return true;
    }

    /** Adds the bytes a GetRecords call returned to the current read window. */
    synchronized void addReadBytes(long nowMillis, long bytes) {
        if (nowMillis / 1000 == readWindow) {
            readBytes += bytes;
        }
    }
}

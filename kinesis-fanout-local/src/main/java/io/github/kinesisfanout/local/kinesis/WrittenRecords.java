package io.github.kinesisfanout.local.kinesis;

import java.util.ArrayList;
import java.util.List;

/**
 * What a batch write did, entry by entry in request order: the shard and counter of each written
 * record (its sequence number is rendered only when asked for, or written as digits straight into
 * the PutRecords answer), or the error code and message of a failed entry.
 */
final class WrittenRecords {

    private final Shard[] shards;
    private final long[] counters;
    private final String[] errorCodes;
    private final String[] errorMessages;

    /** Entry i was written to {@code shards[i]} as {@code counters[i]} unless {@code errorCodes[i]} is set. */
    WrittenRecords(Shard[] shards, long[] counters, String[] errorCodes, String[] errorMessages) {
        this.shards = shards;
        this.counters = counters;
        this.errorCodes = errorCodes;
        this.errorMessages = errorMessages;
    }

    int size() {
        return counters.length;
    }

    boolean failed(int i) {
        return errorCodes[i] != null;
    }

    int failedCount() {
        int failed = 0;
        for (String code : errorCodes) {
            if (code != null) {
                failed++;
            }
        }
        return failed;
    }

    /** The shard of a written entry. */
    Shard shard(int i) {
        return shards[i];
    }

    /** The counter of a written entry within its shard. */
    long counter(int i) {
        return counters[i];
    }

    String errorCode(int i) {
        return errorCodes[i];
    }

    String errorMessage(int i) {
        return errorMessages[i];
    }

    PutRecordsResultEntry entry(int i) {
        return failed(i) ? new PutRecordsResultEntry(null, null, errorCodes[i], errorMessages[i])
                : new PutRecordsResultEntry(shards[i].shardId(), shards[i].sequenceNumber(counters[i]), null, null);
    }

    List<PutRecordsResultEntry> entries() {
        List<PutRecordsResultEntry> entries = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            entries.add(entry(i));
        }
        return entries;
    }
}

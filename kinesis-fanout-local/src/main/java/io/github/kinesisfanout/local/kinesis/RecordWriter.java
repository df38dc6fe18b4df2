package io.github.kinesisfanout.local.kinesis;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes records: validates each, routes it by the MD5 of its partition key (or its explicit hash
 * key) to the open shard owning that hash key, and appends each shard's share of a batch in one
 * step. Optional per-shard write limits and random failures mark entries failed as AWS does.
 */
final class RecordWriter {

    /** A record's data plus partition key may not exceed 1 MiB. */
    static final int MAX_RECORD_BYTES = 1024 * 1024;
    /** One digest per writing thread of this cloud (MessageDigest is not thread-safe). */
    private final ThreadLocal<MessageDigest> md5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    });

    private final KinesisConfig config;

    RecordWriter(KinesisConfig config) {
        this.config = config;
    }

    /** Validates one entry; {@code member} names it in messages, e.g. {@code records.1.member}. */
    static void validate(PutRecordsEntry entry, String member) {
        if (entry.partitionKey() == null) {
            throw KinesisErrors.validation(null, member + "partitionKey", "not be null");
        }
        Inputs.partitionKey(entry.partitionKey(), member + "partitionKey");
        if (entry.data() == null) {
            throw KinesisErrors.validation(null, member + "data", "not be null");
        }
        if (entry.data().length > MAX_RECORD_BYTES) {
            throw KinesisErrors.validation("java.nio.HeapByteBuffer[pos=0 lim=" + entry.data().length + " cap="
                    + entry.data().length + "]", member + "data", "have length less than or equal to "
                    + MAX_RECORD_BYTES);
        }
        if (entry.explicitHashKey() != null && !entry.explicitHashKey().matches("0|([1-9]\\d{0,38})")) {
            throw KinesisErrors.validation(entry.explicitHashKey(), member + "explicitHashKey",
                    "satisfy regular expression pattern: 0|([1-9]\\d{0,38})");
        }
        // A UTF-8 character takes at most 3 bytes per UTF-16 unit: only encode when that could exceed.
        if (entry.data().length + 3L * entry.partitionKey().length() > MAX_RECORD_BYTES
                && entry.data().length + (long) entry.partitionKey().getBytes(StandardCharsets.UTF_8).length
                > MAX_RECORD_BYTES) {
            throw KinesisErrors.invalidArgument("Record size (data plus partition key) exceeds the 1 MiB limit: "
                    + (entry.data().length + entry.partitionKey().length()) + " bytes");
        }
    }

    BigInteger hashKey(PutRecordsEntry entry) {
        if (entry.explicitHashKey() != null) {
            BigInteger explicit = new BigInteger(entry.explicitHashKey());
            if (explicit.compareTo(HashKeys.MAX) > 0) {
                throw KinesisErrors.invalidArgument("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: "
                        + "[0, 2^128-1]. Specified value was " + entry.explicitHashKey());
            }
            return explicit;
        }
        return new BigInteger(1, md5.get().digest(entry.partitionKey().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Appends the not yet written entries from {@code from} on that go to the same shard as entry
     * {@code from}, in one step. When a reshard closed that shard meanwhile, the group is routed
     * again to the now open shards and the caller retries.
     */
    private void appendGroup(Stream stream, List<PutRecordsEntry> entries, Shard[] targets, String[] failures,
            boolean[] done, String[] sequenceNumbers, int from, long now) {
        Shard shard = targets[from];
        List<Integer> indexes = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int j = from; j < targets.length; j++) {
            if (targets[j] == shard && failures[j] == null && !done[j]) {
                indexes.add(j);
                data.add(entries.get(j).data());
                keys.add(entries.get(j).partitionKey());
            }
        }
        long first = shard.log().append(data, keys, now);
        if (first < 0) {
            String status = stream.status();
            if (!"ACTIVE".equals(status) && !"UPDATING".equals(status)) {
                throw KinesisErrors.streamNotFound(stream.name(), stream.accountId());
            }
            // A reshard is between closing the parent and opening the children: route again.
            Thread.onSpinWait();
        }
        for (int k = 0; k < indexes.size(); k++) {
            int index = indexes.get(k);
            if (first < 0) {
                targets[index] = stream.route(hashKey(entries.get(index)));
            } else {
                sequenceNumbers[index] = shard.sequenceNumber(first + k);
                done[index] = true;
            }
        }
    }

    /**
     * Writes a batch; entries were validated. Results mirror the request order.
     *
     * @param injectFailures whether the configured random failure rate applies (PutRecords over the wire)
     * @param enforceLimits whether the per-shard write limits apply, when switched on (wire calls)
     */
    List<PutRecordsResultEntry> write(Stream stream, List<PutRecordsEntry> entries, boolean injectFailures,
            boolean enforceLimits) {
        int count = entries.size();
        Shard[] targets = new Shard[count];
        String[] failures = new String[count];
        long now = config.clock().millis();
        double failureRate = injectFailures ? config.putRecordsFailureRate() : 0;
        boolean limits = enforceLimits && config.throughputLimits();
        for (int i = 0; i < count; i++) {
            PutRecordsEntry entry = entries.get(i);
            Shard shard = stream.route(hashKey(entry));
            targets[i] = shard;
            if (config.faults().hits(failureRate)) {
                // Injected failures split between the two errors PutRecords reports per entry.
                failures[i] = config.faults().coin() ? "ProvisionedThroughputExceededException"
                        : "InternalFailure";
            } else if (limits
                    && !shard.meter().tryWrite(now, entry.data().length + entry.partitionKey().length())) {
                failures[i] = "ProvisionedThroughputExceededException";
            }
        }
        String[] sequenceNumbers = new String[count];
        boolean[] done = new boolean[count];
        for (int i = 0; i < count; i++) {
            while (!done[i] && failures[i] == null) {
                appendGroup(stream, entries, targets, failures, done, sequenceNumbers, i, now);
            }
        }
        // Acknowledge only what is durable; one journal per stream, so the first wait covers all shards.
        Shard synced = null;
        for (int i = 0; i < count; i++) {
            if (done[i] && targets[i] != synced) {
                synced = targets[i];
                synced.log().awaitDurable();
            }
        }
        List<PutRecordsResultEntry> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (failures[i] == null) {
                results.add(new PutRecordsResultEntry(targets[i].shardId(), sequenceNumbers[i], null, null));
            } else {
                String message = failures[i].equals("InternalFailure") ? "Internal service failure."
                        : KinesisErrors.rateExceededMessage(targets[i], stream);
                results.add(new PutRecordsResultEntry(null, null, failures[i], message));
            }
        }
        return results;
    }
}

package io.github.kinesisfanout.local.kinesis;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes records: validates each, routes it by the MD5 of its partition key (or its explicit hash
 * key) to the open shard owning that hash key, and appends each shard's share of a batch in one
 * step. Optional per-shard write limits and random failures mark entries failed as AWS does.
 */
final class RecordWriter {

    /** A record's data plus partition key may not exceed 1 MiB. */
    static final int MAX_RECORD_BYTES = 1024 * 1024;
    private static final Pattern EXPLICIT_HASH_KEY = Pattern.compile("0|([1-9]\\d{0,38})");
    /** One digest and its output buffer per writing thread of this cloud (MessageDigest is not thread-safe). */
    private final ThreadLocal<Md5> md5 = ThreadLocal.withInitial(Md5::new);

    /** A reusable MD5 digest with a buffer for its 16 bytes and one for an ASCII partition key's bytes. */
    private static final class Md5 {
        private final MessageDigest digest;
        private final byte[] out = new byte[16];
        /** Partition keys have at most 256 characters. */
        private final byte[] key = new byte[256];

        Md5() {
            try {
                digest = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is part of every Java runtime", e);
            }
        }

        /** The open shard owning the MD5 of a partition key read as an unsigned big-endian 128-bit number. */
        Shard route(Stream stream, String partitionKey) {
            int ascii = ascii(partitionKey);
            if (ascii >= 0) {
                digest.update(key, 0, ascii);
            } else {
                digest.update(partitionKey.getBytes(StandardCharsets.UTF_8));
            }
            try {
                digest.digest(out, 0, 16);
            } catch (DigestException e) {
                throw new IllegalStateException("MD5 writes 16 bytes", e);
            }
            return stream.route((long) BIG_ENDIAN_LONG.get(out, 0), (long) BIG_ENDIAN_LONG.get(out, 8));
        }

        /** The key's length after copying it into {@code key} when it is ASCII (its UTF-8 bytes), else -1. */
        private int ascii(String partitionKey) {
            int length = partitionKey.length();
            if (length > key.length) {
                return -1;
            }
            for (int i = 0; i < length; i++) {
                char c = partitionKey.charAt(i);
                if (c >= 0x80) {
                    return -1;
                }
                key[i] = (byte) c;
            }
            return length;
        }
    }

    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);

    private final KinesisConfig config;
    private final java.time.Clock clock;

    RecordWriter(KinesisConfig config, java.time.Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether {@link #validate} accepts an entry (without building its messages). */
    static boolean isValid(PutRecordsEntry entry) {
        String key = entry.partitionKey();
        byte[] data = entry.data();
        return key != null && !key.isEmpty() && key.length() <= 256 && data != null && data.length <= MAX_RECORD_BYTES
                && (entry.explicitHashKey() == null || EXPLICIT_HASH_KEY.matcher(entry.explicitHashKey()).matches())
                && (data.length + 3L * key.length() <= MAX_RECORD_BYTES
                        || data.length + (long) key.getBytes(StandardCharsets.UTF_8).length <= MAX_RECORD_BYTES);
    }

    /** Validates one entry; {@code member} names it in messages, e.g. {@code records.1.member}. */
    static void validate(PutRecordsEntry entry, String member) {
        if (entry.partitionKey() == null) {
            throw KinesisErrors.validation(null, member + "partitionKey", "not be null");
        }
        Names.partitionKey(entry.partitionKey(), member + "partitionKey");
        if (entry.data() == null) {
            throw KinesisErrors.validation(null, member + "data", "not be null");
        }
        if (entry.data().length > MAX_RECORD_BYTES) {
            throw KinesisErrors.validation("java.nio.HeapByteBuffer[pos=0 lim=" + entry.data().length + " cap="
                    + entry.data().length + "]", member + "data", "have length less than or equal to "
                    + MAX_RECORD_BYTES);
        }
        if (entry.explicitHashKey() != null && !EXPLICIT_HASH_KEY.matcher(entry.explicitHashKey()).matches()) {
            throw KinesisErrors.validation(entry.explicitHashKey(), member + "explicitHashKey",
                    "satisfy regular expression pattern: 0|([1-9]\\d{0,38})");
        }
        // A UTF-8 character takes at most 3 bytes per UTF-16 unit: only encode when that could exceed.
        if (entry.data().length + 3L * entry.partitionKey().length() > MAX_RECORD_BYTES
                && entry.data().length + (long) entry.partitionKey().getBytes(StandardCharsets.UTF_8).length
                > MAX_RECORD_BYTES) {
            throw KinesisErrors.INVALID_ARGUMENT.error("Record size (data plus partition key) exceeds the 1 MiB limit: "
                    + (entry.data().length + entry.partitionKey().length()) + " bytes");
        }
    }

    /** The open shard an entry goes to: by its explicit hash key, else by the MD5 of its partition key. */
    private Shard route(Stream stream, PutRecordsEntry entry) {
        if (entry.explicitHashKey() != null) {
            BigInteger explicit = new BigInteger(entry.explicitHashKey());
            if (explicit.compareTo(HashKeys.MAX) > 0) {
                throw KinesisErrors.INVALID_ARGUMENT.error("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: "
                        + "[0, 2^128-1]. Specified value was " + entry.explicitHashKey());
            }
            return stream.route(explicit);
        }
        return md5.get().route(stream, entry.partitionKey());
    }

    /**
     * Appends the not yet written entries from {@code from} on that go to the same shard as entry
     * {@code from}, in one step. When a reshard closed that shard meanwhile, the group is routed
     * again to the now open shards and the caller retries.
     */
    private void appendGroup(Stream stream, List<PutRecordsEntry> entries, Shard[] targets, String[] failures,
            boolean[] done, long[] counters, int from, long now) {
        Shard shard = targets[from];
        int[] indexes = new int[targets.length - from];
        int count = 0;
        for (int j = from; j < targets.length; j++) {
            if (targets[j] == shard && failures[j] == null && !done[j]) {
                indexes[count++] = j;
            }
        }
        List<byte[]> data = new ArrayList<>(count);
        List<String> keys = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            data.add(entries.get(indexes[k]).data());
            keys.add(entries.get(indexes[k]).partitionKey());
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
        for (int k = 0; k < count; k++) {
            int index = indexes[k];
            if (first < 0) {
                targets[index] = route(stream, entries.get(index));
            } else {
                counters[index] = first + k;
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
        return writeBatch(stream, entries, injectFailures, enforceLimits).entries();
    }

    /** Writes a batch as {@link #write} does; what was written with no result object or sequence number String per record. */
    WrittenRecords writeBatch(Stream stream, List<PutRecordsEntry> entries, boolean injectFailures,
            boolean enforceLimits) {
        int count = entries.size();
        Shard[] targets = new Shard[count];
        String[] failures = new String[count];
        long now = clock.millis();
        double failureRate = injectFailures ? config.putRecordsFailureRate() : 0;
        boolean limits = enforceLimits && config.throughputLimits();
        for (int i = 0; i < count; i++) {
            PutRecordsEntry entry = entries.get(i);
            Shard shard = route(stream, entry);
            targets[i] = shard;
            if (config.faults().hits(failureRate)) {
                // Injected failures split between the two errors PutRecords reports per entry.
                failures[i] = config.faults().coin() ? KinesisErrors.PROVISIONED_THROUGHPUT_EXCEEDED.code()
                        : KinesisErrors.INTERNAL_FAILURE.code();
            } else if (limits
                    && !shard.meter().tryWrite(now, entry.data().length + entry.partitionKey().length())) {
                failures[i] = KinesisErrors.PROVISIONED_THROUGHPUT_EXCEEDED.code();
            }
        }
        long[] counters = new long[count];
        boolean[] done = new boolean[count];
        for (int i = 0; i < count; i++) {
            while (!done[i] && failures[i] == null) {
                appendGroup(stream, entries, targets, failures, done, counters, i, now);
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
        String[] messages = new String[count];
        for (int i = 0; i < count; i++) {
            if (failures[i] != null) {
                messages[i] = failures[i].equals(KinesisErrors.INTERNAL_FAILURE.code()) ? "Internal service failure."
                        : KinesisErrors.rateExceededMessage(targets[i], stream);
            }
        }
        return new WrittenRecords(targets, counters, failures, messages);
    }
}

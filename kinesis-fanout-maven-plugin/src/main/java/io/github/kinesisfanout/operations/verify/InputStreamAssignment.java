package io.github.kinesisfanout.operations.verify;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.sql.InputSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which in-application input stream reads a record put. With InputParallelism N, Kinesis Analytics
 * spreads the input's shards over {@code <prefix>_001..<prefix>_00N}; the local cloud's analytics
 * runner gives the shard numbered k (the digits of its id, {@code shardId-000000000003} is 3) to
 * {@code <prefix>_00(k mod N + 1)}, and the Flink translation's input views keep the same shards, so
 * verify-fanout feeds each record to that stream. A record's shard is the one PutRecords answered
 * for it, as the manifest lists it: exact with explicit hash keys and across a reshard, where
 * recomputing it from the partition key's hash and the shards' hash ranges would not be.
 */
public final class InputStreamAssignment {

    private final String namePrefix;
    private final int parallelism;

    InputStreamAssignment(InputSchema schema) {
        this.namePrefix = schema.namePrefix();
        this.parallelism = schema.parallelism();
    }

    /**
     * @return the in-application stream that reads the record, e.g. {@code SOURCE_SQL_STREAM_002}
     * @throws FanoutException when the parallelism is above 1 and the record has no shard id
     */
    String streamOf(ManifestRecord record) {
        if (parallelism == 1) {
            return name(1);
        }
        String shardId = record.shardId();
        if (shardId == null || shardId.isBlank()) {
            throw new FanoutException("inputParallelism is " + parallelism + " (-D" + PropertyNames.INPUT_PARALLELISM
                    + "), but the manifest lists no shardId for the record " + shown(record.data()) + ": which of " + name(1)
                    + ".." + name(parallelism) + " reads it follows from its shard; use the manifest put-records"
                    + " writes, which lists each record's shard");
        }
        return name((int) (shardNumber(shardId) % parallelism) + 1);
    }

    /**
     * The failure for an application on Kinesis Data Analytics for SQL itself: AWS splits the shards
     * evenly over the streams but does not publish which shard feeds which stream, and a per-stream
     * window or aggregate gives other rows under another split, so the expected rows are unknown.
     */
    public static FanoutException unpublished(String namePrefix, int parallelism) {
        String first = String.format("%s_%03d", namePrefix, 1);
        String last = String.format("%s_%03d", namePrefix, parallelism);
        return new FanoutException("inputParallelism is " + parallelism + " (-D" + PropertyNames.INPUT_PARALLELISM
                + ") and the application runs on Kinesis Data Analytics for SQL on AWS (engine=sql, no endpoint),"
                + " which does not publish which shards feed which of " + first + ".." + last + ", so verify-fanout"
                + " cannot work out what each output should receive: check the application on the local cloud"
                + " (start-local), with -D" + PropertyNames.ENGINE + "=flink (its job gives shard k to stream k mod "
                + parallelism + " + 1, as the local cloud does), or with inputParallelism 1");
    }

    /** How many of the records each in-application input stream reads, every stream listed. */
    Map<String, Integer> counts(List<ManifestRecord> records) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 1; i <= parallelism; i++) {
            counts.put(name(i), 0);
        }
        records.forEach(r -> counts.merge(streamOf(r), 1, Integer::sum));
        return counts;
    }

    /** The number the local cloud distributes a shard by: the last 12 digits of its id (its hash when it has none). */
    static long shardNumber(String shardId) {
        String digits = shardId.replaceAll("\\D", "");
        return digits.isEmpty() ? Math.abs((long) shardId.hashCode())
                : Long.parseLong(digits.substring(Math.max(0, digits.length() - 12)));
    }

    private static String shown(String data) {
        return data.length() <= 80 ? data : data.substring(0, 77) + "...";
    }

    private String name(int ordinal) {
        return String.format("%s_%03d", namePrefix, ordinal);
    }
}

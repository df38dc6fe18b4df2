package io.github.kinesisfanout.operations.putrecords;

import java.nio.file.Path;
import java.time.Duration;

/** What put-records sends and how; every setting has a default but the stream. */
public final class PutRecordsSettings {

    String stream;
    long recordCount = 100;
    Path recordsFile;
    String partitionKey = "random";
    Long seed;
    int maxRetries = 10;
    double rate;
    boolean createStream;
    int shardCount = 1;
    Path manifest = Path.of("target", "kinesis-fanout", "put-records-manifest.jsonl");
    Duration progressInterval = Duration.ofSeconds(5);
    Duration waitTimeout = Duration.ofMinutes(5);
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    /** The target stream, by name or ARN. */
    public PutRecordsSettings stream(String nameOrArn) {
        this.stream = nameOrArn;
        return this;
    }

    /** How many transactions the built-in generator sends (ignored with a records file). */
    public PutRecordsSettings recordCount(long count) {
        this.recordCount = count;
        return this;
    }

    /** A JSON-lines file whose lines are sent instead of generated transactions; null for the generator. */
    public PutRecordsSettings recordsFile(Path file) {
        this.recordsFile = file;
        return this;
    }

    /** {@code random}, {@code field:NAME} or a fixed key. */
    public PutRecordsSettings partitionKey(String spec) {
        this.partitionKey = spec;
        return this;
    }

    /** Seeds the generator and the random keys; null picks a seed and logs it. */
    public PutRecordsSettings seed(Long seed) {
        this.seed = seed;
        return this;
    }

    /** How often records a partial failure rejected are sent again before the run fails. */
    public PutRecordsSettings maxRetries(int retries) {
        this.maxRetries = retries;
        return this;
    }

    /** At most this many records per second; 0 for no limit. */
    public PutRecordsSettings rate(double recordsPerSecond) {
        this.rate = recordsPerSecond;
        return this;
    }

    /** Creates the stream with {@code shardCount} shards when it does not exist. */
    public PutRecordsSettings createStream(boolean create, int shards) {
        this.createStream = create;
        this.shardCount = shards;
        return this;
    }

    /** Where the manifest of sent records goes. */
    public PutRecordsSettings manifest(Path file) {
        this.manifest = file;
        return this;
    }

    /** How often a long run logs a progress line. */
    public PutRecordsSettings progressInterval(Duration interval) {
        this.progressInterval = interval;
        return this;
    }

    /** How long to wait for the stream to become ACTIVE. */
    public PutRecordsSettings waitTimeout(Duration timeout) {
        this.waitTimeout = timeout;
        return this;
    }

    /** The delays between retries of rejected records. */
    public PutRecordsSettings backoff(Backoff backoff) {
        this.backoff = backoff;
        return this;
    }
}

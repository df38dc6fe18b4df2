package io.github.kinesisfanout.operations.putrecords;

import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.Polling;
import io.github.kinesisfanout.operations.ProgressListener;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Puts records into a Kinesis stream: generated transactions or a JSON-lines file, batched within
 * the PutRecords limits, rejected entries retried, optionally rate limited, every accepted record
 * written to a manifest.
 */
public final class PutRecordsOperation {

    private final AwsClientFactory clients;
    private final ProgressListener listener;
    private final Sleeper sleeper;

    public PutRecordsOperation(AwsClientFactory clients, ProgressListener listener) {
        this(clients, listener, Sleeper.REAL);
    }

    PutRecordsOperation(AwsClientFactory clients, ProgressListener listener, Sleeper sleeper) {
        this.clients = clients;
        this.listener = listener;
        this.sleeper = sleeper;
    }

    /** Runs it; throws {@link io.github.kinesisfanout.operations.FanoutException} for what the user can fix. */
    public PutRecordsResult run(PutRecordsSettings settings) {
        validate(settings);
        long seed = settings.seed != null ? settings.seed : new SecureRandom().nextLong();
        StreamRef stream = StreamRef.parse(settings.stream);
        PartitionKeyStrategy keys = PartitionKeyStrategy.parse(settings.partitionKey, seed);
        try (KinesisClient kinesis = clients.kinesis()) {
            Polling polling = new Polling(settings.waitTimeout, Duration.ofMillis(100), listener);
            new StreamTarget(kinesis, polling, listener)
                    .ensureWritable(stream, settings.createStream, settings.shardCount, clients.describeEndpoint("KINESIS"));
            try (RecordSource source = open(settings, seed);
                 ManifestWriter manifest = new ManifestWriter(settings.manifest)) {
                listener.info("Putting " + (source.expectedCount() >= 0 ? source.expectedCount() + " " : "")
                        + source.describe() + " into stream " + stream.display()
                        + (settings.seed == null && settings.recordsFile == null
                           ? " (seed " + seed + "; -Dfanout.seed=" + seed + " repeats them)" : ""));
                return send(kinesis, stream, settings, seed, keys, source, manifest);
            }
        }
    }

    private PutRecordsResult send(KinesisClient kinesis, StreamRef stream, PutRecordsSettings settings, long seed,
                                  PartitionKeyStrategy keys, RecordSource source, ManifestWriter manifest) {
        BatchSender sender = new BatchSender(kinesis, stream, settings.maxRetries, settings.backoff, sleeper, listener);
        RateLimiter limiter = new RateLimiter(settings.rate, System::nanoTime, sleeper);
        // Under a rate limit, a batch holds about one second of records so the pace stays even.
        int batchRecords = settings.rate > 0 ? (int) Math.max(1, Math.min(RecordBatcher.MAX_RECORDS, settings.rate))
                                             : RecordBatcher.MAX_RECORDS;
        RecordBatcher batches = new RecordBatcher(keyed(source, keys),
                batchRecords, RecordBatcher.MAX_REQUEST_BYTES);
        long[] totals = new long[2];
        long start = System.nanoTime();
        long lastProgress = start;
        while (batches.hasNext()) {
            List<OutgoingRecord> batch = batches.next();
            limiter.acquire(batch.size());
            sender.send(batch, (record, shardId, sequenceNumber, timestamp) -> {
                manifest.accepted(record, shardId, sequenceNumber, timestamp);
                totals[0]++;
                totals[1] += record.data().length;
            });
            long now = System.nanoTime();
            if (now - lastProgress >= settings.progressInterval.toNanos()) {
                lastProgress = now;
                listener.info(progressLine(totals[0], source.expectedCount(), now - start));
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new PutRecordsResult(stream.display(), totals[0], totals[1], elapsed, sender.retriedRecords(),
                settings.manifest, seed);
    }

    private static String progressLine(long sent, long expected, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        return String.format(Locale.ROOT, "put-records: %d%s records, %.0f s, %.0f records/s",
                sent, expected >= 0 ? " of " + expected : "", seconds, sent / Math.max(seconds, 1e-9));
    }

    private static RecordSource open(PutRecordsSettings settings, long seed) {
        return settings.recordsFile != null ? new JsonLinesRecords(settings.recordsFile)
                                            : new TransactionGenerator(settings.recordCount, seed);
    }

    private static Iterator<OutgoingRecord> keyed(RecordSource source, PartitionKeyStrategy keys) {
        return new Iterator<>() {
            private long number;

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public OutgoingRecord next() {
                String text = source.next();
                number++;
                return OutgoingRecord.of(number, text, keys.keyFor(number, text));
            }
        };
    }

    private static void validate(PutRecordsSettings s) {
        if (s.stream == null || s.stream.isBlank()) {
            throw HelpfulSuggestions.missingParameter("streamName", "fanout.streamName", "NAME");
        }
        if (s.recordsFile == null && s.recordCount < 0) {
            throw HelpfulSuggestions.invalidParameter("recordCount", "fanout.recordCount", s.recordCount,
                    "it must be 0 or more");
        }
        if (s.maxRetries < 0) {
            throw HelpfulSuggestions.invalidParameter("maxRetries", "fanout.maxRetries", s.maxRetries,
                    "it must be 0 or more");
        }
        if (s.rate < 0) {
            throw HelpfulSuggestions.invalidParameter("rate", "fanout.rate", s.rate,
                    "it must be 0 (no limit) or a number of records per second");
        }
        if (s.createStream && s.shardCount < 1) {
            throw HelpfulSuggestions.invalidParameter("shardCount", "fanout.shardCount", s.shardCount,
                    "a stream needs at least 1 shard");
        }
    }
}

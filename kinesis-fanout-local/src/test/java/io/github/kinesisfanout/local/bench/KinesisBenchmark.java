package io.github.kinesisfanout.local.bench;

import io.github.kinesisfanout.local.LocalCloud;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * PutRecords and GetRecords throughput with the AWS SDK v2 client: 500-record batches of 100-byte and
 * 1 KB records from 1 to 4 threads, then every record read back and checked (none lost, none
 * duplicated, order kept per writer within a shard). Runs against an in-process LocalCloud, or any
 * Kinesis endpoint given with {@code --endpoint}; {@code --storage memory,disk} compares an in-memory cloud with one
 * on a data directory. With {@code --server-pid} it also reports the server process's CPU time per record, and
 * {@code --records} and {@code --repeat} make that a fixed amount of work repeated for a median. See the module
 * README for the commands.
 */
public final class KinesisBenchmark {

    private final BenchOptions options;
    private final KinesisClient kinesis;
    /** The server process whose CPU time is measured, or null. */
    private final ProcessCpu server;

    private KinesisBenchmark(BenchOptions options, URI endpoint, ProcessCpu server) {
        this.options = options;
        this.server = server;
        String previous = System.getProperty("aws.cborEnabled");
        System.setProperty("aws.cborEnabled", Boolean.toString(options.cbor()));
        try {
            this.kinesis = KinesisClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "x")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        } finally {
            if (previous == null) {
                System.clearProperty("aws.cborEnabled");
            } else {
                System.setProperty("aws.cborEnabled", previous);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        if (options.endpoint() != null) {
            run(options, null, "external");
            return;
        }
        for (String storage : options.storages()) {
            java.nio.file.Path dataDir = null;
            LocalCloud.Builder builder = LocalCloud.builder();
            if (storage.equals("disk")) {
                dataDir = java.nio.file.Files.createTempDirectory("kinesis-bench-data");
                builder.dataDirectory(dataDir);
            } else if (!storage.equals("memory")) {
                throw new IllegalArgumentException("--storage takes memory and/or disk, not " + storage);
            }
            long starting = System.nanoTime();
            LocalCloud cloud = builder.build().start();
            System.out.printf(Locale.ROOT, "LocalCloud (%s%s) started in %d ms%n", storage,
                    dataDir == null ? "" : " in " + dataDir, (System.nanoTime() - starting) / 1_000_000);
            try {
                run(options, cloud, storage);
            } finally {
                if (dataDir != null) {
                    io.github.kinesisfanout.local.storage.AtomicFiles.deleteTree(dataDir);
                }
            }
        }
    }

    private static void run(BenchOptions options, LocalCloud cloud, String storage) throws Exception {
        URI endpoint = cloud != null ? cloud.endpoint() : URI.create(options.endpoint());
        System.out.printf(Locale.ROOT, "endpoint %s (%s), %s, %d shards, %s per run, GetRecords limit %d%n",
                endpoint, storage, options.cbor() ? "CBOR" : "JSON", options.shards(),
                options.records() > 0 ? options.records() + " records" : options.seconds() + " s",
                options.readLimit());
        ProcessCpu server = options.serverPid() == 0 ? null : ProcessCpu.of(options.serverPid());
        System.out.printf(Locale.ROOT, "%-6s %-7s %14s %14s %10s%s%n", "bytes", "threads", "put rec/s", "get rec/s",
                "checked", server == null ? "" : String.format(Locale.ROOT, " %12s %12s %12s", "put us/rec",
                        "get us/rec", "server us/rec"));
        KinesisBenchmark bench = new KinesisBenchmark(options, endpoint, server);
        try {
            bench.run("warmup", 100, 2, Math.min(1.0, options.seconds()), 0);
            int run = 0;
            for (int size : options.sizes()) {
                for (int threads : options.threads()) {
                    List<RunResult> results = new ArrayList<>();
                    for (int r = 0; r < options.warmupRuns() + options.repeat(); r++) {
                        RunResult result = bench.run("bench" + (run++), size, threads, options.seconds(),
                                options.records());
                        boolean warmup = r < options.warmupRuns();
                        if (!warmup) {
                            results.add(result);
                        }
                        System.out.println(result.line(size, threads, warmup ? " (warm-up)" : "", server != null));
                    }
                    if (results.size() > 1) {
                        System.out.println(RunResult.median(results).line(size, threads, " median of "
                                + results.size() + ", CPU min-max " + RunResult.cpuRange(results), server != null));
                    }
                }
            }
        } finally {
            bench.kinesis.close();
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    /**
     * One run: writes for {@code seconds}, or {@code records} in all when positive, then reads everything
     * back; the server's CPU time is read before the writes, between writes and reads, and after the reads.
     */
    private RunResult run(String name, int size, int threads, double seconds, int records) throws Exception {
        String stream = name + "-" + System.nanoTime();
        kinesis.createStream(r -> r.streamName(stream).shardCount(options.shards()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (kinesis.describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary().streamStatus()
                != StreamStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stream " + stream + " did not become ACTIVE");
            }
            Thread.sleep(50);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long cpuStart = cpu();
            long start = System.nanoTime();
            long stop = records > 0 ? Long.MAX_VALUE : start + (long) (seconds * 1e9);
            List<Future<Integer>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                int quota = records <= 0 ? Integer.MAX_VALUE : records / threads + (t < records % threads ? 1 : 0);
                writers.add(pool.submit(() -> write(stream, writer, size, stop, quota)));
            }
            int[] written = new int[threads];
            long total = 0;
            for (int t = 0; t < threads; t++) {
                written[t] = writers.get(t).get();
                total += written[t];
            }
            double putRate = total / ((System.nanoTime() - start) / 1e9);
            long cpuWritten = cpu();

            List<String> shardIds = kinesis.listShards(r -> r.streamName(stream)).shards().stream()
                    .map(s -> s.shardId()).toList();
            long readStart = System.nanoTime();
            List<Future<BitSet[]>> readers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> mine = new ArrayList<>();
                for (int s = t; s < shardIds.size(); s += threads) {
                    mine.add(shardIds.get(s));
                }
                readers.add(pool.submit(() -> read(stream, mine, written)));
            }
            BitSet[] seen = new BitSet[threads];
            for (int t = 0; t < threads; t++) {
                seen[t] = new BitSet();
            }
            long readTotal = 0;
            for (Future<BitSet[]> reader : readers) {
                BitSet[] partial = reader.get();
                for (int t = 0; t < threads; t++) {
                    readTotal += partial[t].cardinality();
                    if (seen[t].intersects(partial[t])) {
                        throw new IllegalStateException("a record was read twice");
                    }
                    seen[t].or(partial[t]);
                }
            }
            double getRate = readTotal / ((System.nanoTime() - readStart) / 1e9);
            long cpuRead = cpu();
            for (int t = 0; t < threads; t++) {
                if (seen[t].cardinality() != written[t] || seen[t].nextClearBit(0) != written[t]) {
                    throw new IllegalStateException("writer " + t + " wrote " + written[t] + " records, "
                            + seen[t].cardinality() + " distinct ones read back");
                }
            }
            return new RunResult(putRate, getRate, total, (cpuWritten - cpuStart) / 1e3 / total,
                    (cpuRead - cpuWritten) / 1e3 / total);
        } finally {
            pool.shutdownNow();
            kinesis.deleteStream(r -> r.streamName(stream));
        }
    }

    private long cpu() {
        return server == null ? 0 : server.nanos();
    }

    /**
     * Writes batches of up to 500 records until the deadline or the quota; each record carries its writer and
     * number.
     */
    private int write(String stream, int writer, int size, long stop, int quota) {
        int next = 0;
        while (next < quota && System.nanoTime() < stop) {
            int count = Math.min(500, quota - next);
            List<PutRecordsRequestEntry> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ByteBuffer payload = ByteBuffer.allocate(size);
                payload.putInt(writer).putInt(next + i);
                batch.add(PutRecordsRequestEntry.builder().partitionKey("w" + writer + "-" + (next + i) % 97)
                        .data(SdkBytes.fromByteArray(payload.array())).build());
            }
            PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(batch));
            if (response.failedRecordCount() != 0) {
                throw new IllegalStateException(response.failedRecordCount() + " records failed");
            }
            next += count;
        }
        return next;
    }

    /** Reads shards to their tip; marks every (writer, number) seen and checks per-writer order per shard. */
    private BitSet[] read(String stream, List<String> shardIds, int[] written) {
        BitSet[] seen = new BitSet[written.length];
        for (int t = 0; t < written.length; t++) {
            seen[t] = new BitSet();
        }
        for (String shardId : shardIds) {
            int[] last = new int[written.length];
            java.util.Arrays.fill(last, -1);
            String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = kinesis.getRecords(r -> r.shardIterator(current)
                        .limit(options.readLimit()));
                for (Record record : response.records()) {
                    ByteBuffer payload = record.data().asByteBuffer();
                    int writer = payload.getInt();
                    int number = payload.getInt();
                    if (number <= last[writer]) {
                        throw new IllegalStateException("order broken in " + shardId + " for writer " + writer);
                    }
                    last[writer] = number;
                    seen[writer].set(number);
                }
                iterator = response.records().isEmpty() && response.millisBehindLatest() == 0 ? null
                        : response.nextShardIterator();
            }
        }
        return seen;
    }
}

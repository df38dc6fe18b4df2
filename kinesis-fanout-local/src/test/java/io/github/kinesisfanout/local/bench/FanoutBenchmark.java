package io.github.kinesisfanout.local.bench;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.analytics.TransactionApp;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.KinesisService;
import io.github.kinesisfanout.local.kinesis.PutRecordsEntry;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.Input;
import software.amazon.awssdk.services.kinesisanalytics.model.Output;

/**
 * The fan-out pipeline end to end inside one LocalCloud: transactions go in with the SDK's
 * PutRecords, the SQL application routes them to two output streams, and in-JVM readers note when
 * each record becomes readable there. Reports sustained records/s and, at paced rates, the latency
 * from the PutRecords acknowledgement to the record being readable in its output stream.
 * See the module README for the command.
 */
public final class FanoutBenchmark {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    private static final String ROLE = "arn:aws:iam::000000000000:role/bench";
    private static final int MAX_RECORDS = 3_000_000;
    /** Records per throughput run at most, so the runs fit in memory whatever the machine's speed. */
    private static final int RUN_BUDGET = 800_000;

    private final LocalCloud cloud;
    private final KinesisClient kinesis;
    private final AtomicLongArray ackNanos = new AtomicLongArray(MAX_RECORDS);
    private final AtomicLongArray sendNanos = new AtomicLongArray(MAX_RECORDS);
    private final AtomicLongArray arrivalNanos = new AtomicLongArray(MAX_RECORDS);
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger();
    private volatile boolean reading = true;

    private FanoutBenchmark(LocalCloud cloud) {
        this.cloud = cloud;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "x"));
        this.kinesis = KinesisClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        try (KinesisAnalyticsClient analytics = KinesisAnalyticsClient.builder().endpointOverride(cloud.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            kinesis.createStream(r -> r.streamName("Transactions").shardCount(4));
            kinesis.createStream(r -> r.streamName("PositiveTransactions").shardCount(1));
            kinesis.createStream(r -> r.streamName("NegativeTransactions").shardCount(1));
            analytics.createApplication(r -> r.applicationName("bench").applicationCode(TransactionApp.SQL).inputs(input())
                    .outputs(output("POSITIVE_TRANSACTIONS", "PositiveTransactions"),
                            output("NEGATIVE_TRANSACTIONS", "NegativeTransactions")));
            analytics.startApplication(r -> r.applicationName("bench").inputConfigurations(c -> c.id("1.1")
                    .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
        }
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 1 && args[0].equals("--seconds") ? Double.parseDouble(args[1]) : 8;
        try (LocalCloud cloud = LocalCloud.builder().build().start()) {
            FanoutBenchmark bench = new FanoutBenchmark(cloud);
            List<Thread> readers = bench.startReaders();
            System.out.printf(Locale.ROOT, "fan-out benchmark: input 4 shards, 2 output streams of 1 shard, %.0f s per run, %d cores%n",
                    seconds, Runtime.getRuntime().availableProcessors());
            bench.warmUp();
            bench.throughput(seconds, false);
            bench.throughput(seconds, true);
            bench.latency(1_000, seconds);
            bench.latency(10_000, seconds);
            bench.reading = false;
            for (Thread reader : readers) {
                reader.join();
            }
            bench.kinesis.close();
        }
    }

    private static Input input() {
        return Input.builder().namePrefix("SOURCE_SQL_STREAM")
                .kinesisStreamsInput(k -> k.resourceARN(ARN + "Transactions").roleARN(ROLE))
                .inputSchema(TransactionApp.schema())
                .build();
    }

    private static Output output(String name, String stream) {
        return Output.builder().name(name).kinesisStreamsOutput(k -> k.resourceARN(ARN + stream).roleARN(ROLE))
                .destinationSchema(d -> d.recordFormatType("JSON")).build();
    }

    private static String json(int id) {
        return "{\"ID\":" + id + ",\"USERNAME\":\"user" + (id % 101) + "\",\"AMOUNT\":"
                + ((id % 19_999) - 9_999) / 100.0 + "}";
    }

    /** Puts {@code count} transactions in one PutRecords call of the SDK client (HTTP); returns the first id. */
    private int put(int count) {
        int first = nextId.getAndAdd(count);
        List<PutRecordsRequestEntry> entries = new ArrayList<>(count);
        for (int id = first; id < first + count; id++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("user" + (id % 101))
                    .data(SdkBytes.fromString(json(id), StandardCharsets.UTF_8)).build());
        }
        long sent = System.nanoTime();
        for (int id = first; id < first + count; id++) {
            sendNanos.set(id, sent);
        }
        int failed = kinesis.putRecords(r -> r.streamName("Transactions").records(entries)).failedRecordCount();
        if (failed > 0) {
            throw new IllegalStateException(failed + " records failed");
        }
        long now = System.nanoTime();
        for (int id = first; id < first + count; id++) {
            ackNanos.set(id, now);
        }
        return first;
    }

    /** Puts {@code count} transactions with the Kinesis service's in-JVM PutRecords, no HTTP client. */
    private void putInJvm(int count) {
        int first = nextId.getAndAdd(count);
        List<PutRecordsEntry> entries = new ArrayList<>(count);
        for (int id = first; id < first + count; id++) {
            entries.add(new PutRecordsEntry("user" + (id % 101), json(id).getBytes(StandardCharsets.UTF_8)));
        }
        cloud.kinesis().putRecords(new RequestContext("bench", "000000000000", "us-east-1"), "Transactions", entries);
    }

    private void warmUp() throws InterruptedException {
        int before = nextId.get();
        for (int i = 0; i < 40; i++) {
            put(500);
        }
        awaitArrived(nextId.get(), Duration.ofSeconds(30));
        System.out.printf(Locale.ROOT, "warm-up: %d records%n", nextId.get() - before);
    }

    /** Two writers as fast as they can for the given time; then waits for everything to arrive. */
    private void throughput(double seconds, boolean inJvm) throws InterruptedException {
        int first = nextId.get();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Thread writer = new Thread(() -> {
                while (System.nanoTime() < end && nextId.get() - first < RUN_BUDGET) {
                    if (inJvm) {
                        putInJvm(500);
                    } else {
                        put(500);
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        long putDone = System.nanoTime();
        int total = nextId.get() - first;
        awaitArrived(nextId.get(), Duration.ofSeconds(60));
        long allArrived = System.nanoTime();
        System.out.printf(Locale.ROOT, "throughput, PutRecords %s: %d records put in %.2f s (%.0f records/s in), all routed after %.2f s:"
                + " %.0f records/s end to end%n", inJvm ? "in-JVM" : "SDK over HTTP", total, (putDone - start) / 1e9, total / ((putDone - start) / 1e9),
                (allArrived - start) / 1e9, total / ((allArrived - start) / 1e9));
    }

    /** Puts at a paced rate (batches every 10 ms) and reports ack-to-readable latency percentiles. */
    private void latency(int recordsPerSecond, double seconds) throws InterruptedException {
        int perBatch = Math.max(1, recordsPerSecond / 100);
        int first = nextId.get();
        long start = System.nanoTime();
        long batches = (long) (seconds * 100);
        for (long b = 0; b < batches; b++) {
            long due = start + b * 10_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            put(perBatch);
        }
        int last = nextId.get();
        awaitArrived(last, Duration.ofSeconds(60));
        long[] fromAck = new long[last - first];
        long[] fromSend = new long[last - first];
        for (int id = first; id < last; id++) {
            // A record can be readable before the client has parsed the acknowledgement: that counts as 0.
            fromAck[id - first] = Math.max(0, arrivalNanos.get(id) - ackNanos.get(id));
            fromSend[id - first] = arrivalNanos.get(id) - sendNanos.get(id);
        }
        Arrays.sort(fromAck);
        Arrays.sort(fromSend);
        double achieved = fromAck.length / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "latency at %d records/s (%d records, %.0f/s achieved): after the PutRecords"
                + " acknowledgement p50 %.1f ms, p99 %.1f ms, max %.1f ms; after the PutRecords call began p50 %.1f ms,"
                + " p99 %.1f ms%n", recordsPerSecond, fromAck.length, achieved,
                fromAck[fromAck.length / 2] / 1e6, fromAck[(int) (fromAck.length * 0.99)] / 1e6,
                fromAck[fromAck.length - 1] / 1e6, fromSend[fromSend.length / 2] / 1e6,
                fromSend[(int) (fromSend.length * 0.99)] / 1e6);
    }

    private void awaitArrived(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrived) {
            while (arrived.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + arrived.get() + " of " + count + " records arrived");
                }
                arrived.wait(50);
            }
        }
    }

    /** One in-JVM reader per output shard, waiting on the Kinesis new-data signal. */
    private List<Thread> startReaders() {
        List<Thread> readers = new ArrayList<>();
        for (String stream : List.of("PositiveTransactions", "NegativeTransactions")) {
            Thread reader = new Thread(() -> read(stream), "bench-reader-" + stream);
            reader.start();
            readers.add(reader);
        }
        return readers;
    }

    private void read(String stream) {
        KinesisService service = cloud.kinesis();
        RequestContext ctx = new RequestContext("bench", "000000000000", "us-east-1");
        StartingPosition position = StartingPosition.trimHorizon();
        try {
            while (reading) {
                ReadResult result = service.getRecords(ctx, stream, "shardId-000000000000", position, 10_000);
                long now = System.nanoTime();
                for (KinesisRecord record : result.records()) {
                    arrivalNanos.set(id(record.data()), now);
                }
                if (!result.records().isEmpty()) {
                    synchronized (arrived) {
                        arrived.addAndGet(result.records().size());
                        arrived.notifyAll();
                    }
                }
                position = result.nextPosition();
                if (result.records().isEmpty()) {
                    service.awaitData(ctx, stream, "shardId-000000000000", position, Duration.ofMillis(100));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ID of an output row {@code {"ID":123,...}} without a JSON parser. */
    private static int id(byte[] json) {
        int i = 6;
        int value = 0;
        while (json[i] >= '0' && json[i] <= '9') {
            value = value * 10 + (json[i++] - '0');
        }
        return value;
    }
}

package io.github.kinesisfanout.flink;

import io.github.kinesisfanout.local.FlinkJobProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.Output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reference application on the same records in one local cloud's Kinesis input stream, read from TRIM_HORIZON:
 * our engine as a Kinesis Analytics v1 application of the local cloud (created and started through the SDK), then
 * the translated script in the forked Flink job; each timed from the start of reading to the last output record (counted in-JVM).
 */
final class KinesisComparison {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    private static final String ROLE = "arn:aws:iam::000000000000:role/bench";
    private static final String INPUT = "Transactions";
    private static final Duration DEADLINE = Duration.ofMinutes(6);

    private final ReferenceApplication app;
    private final int records;
    private final long positives;

    KinesisComparison(ReferenceApplication app, int records) {
        this.app = app;
        this.records = records;
        this.positives = ReferenceApplication.positives(records);
    }

    List<Measurement> run(Path dir) throws Exception {
        try (LocalFlinkRun run = new LocalFlinkRun()) {
            run.createStream(INPUT, 2);
            for (String stream : List.of("EnginePositive", "EngineNegative", "FlinkPositive", "FlinkNegative")) {
                run.createStream(stream, 2);
            }
            List<String> input = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                input.add(ReferenceApplication.record(i));
            }
            long put = System.nanoTime();
            run.put(INPUT, input);
            System.out.printf(Locale.ROOT, "put %,d records into the 2-shard input stream in %.1f s%n", records,
                    (System.nanoTime() - put) / 1e9);
            return List.of(engine(run), flink(run, dir));
        }
    }

    private Measurement engine(LocalFlinkRun run) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (KinesisAnalyticsClient analytics = KinesisAnalyticsClient.builder().endpointOverride(run.cloud.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            analytics.createApplication(r -> r.applicationName("engines").applicationCode(app.sql)
                    .inputs(i -> i.namePrefix("SOURCE_SQL_STREAM").inputSchema(app.sourceSchema())
                            .kinesisStreamsInput(k -> k.resourceARN(ARN + INPUT).roleARN(ROLE)))
                    .outputs(output(ReferenceApplication.OUTPUTS.get(0), "EnginePositive"),
                            output(ReferenceApplication.OUTPUTS.get(1), "EngineNegative")));
            StreamCounter positive = new StreamCounter(run.cloud.kinesis(), "EnginePositive");
            StreamCounter negative = new StreamCounter(run.cloud.kinesis(), "EngineNegative");
            long start = System.nanoTime();
            analytics.startApplication(r -> r.applicationName("engines").inputConfigurations(c -> c.id("1.1")
                    .inputStartingPositionConfiguration(p -> p.inputStartingPosition("TRIM_HORIZON"))));
            long[] firstAndLast = await(positive, negative, null);
            analytics.stopApplication(r -> r.applicationName("engines"));
            return new Measurement("local Kinesis", "our engine (local Kinesis Analytics v1 app)", records,
                    (firstAndLast[1] - start) / 1e9, 0, "", String.format(Locale.ROOT,
                            "start to first output %.2f s; first to last output %s",
                            (firstAndLast[0] - start) / 1e9, rate(firstAndLast)),
                    Measurement.loadAverage());
        }
    }

    private Measurement flink(LocalFlinkRun run, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path properties = run.writeProperties(dir, Map.of("input.stream", INPUT,
                "output." + ReferenceApplication.OUTPUTS.get(0) + ".stream", "FlinkPositive",
                "output." + ReferenceApplication.OUTPUTS.get(1) + ".stream", "FlinkNegative"));
        StreamCounter positive = new StreamCounter(run.cloud.kinesis(), "FlinkPositive");
        StreamCounter negative = new StreamCounter(run.cloud.kinesis(), "FlinkNegative");
        long forked = System.nanoTime();
        FlinkJobProcess job = run.start(LocalFlinkRun.JOB_JAR, LocalFlinkRun.scriptDirectoryOf(dir, app.translated()),
                properties, LocalFlinkRun.log("bench-engines"), List.of());
        job.awaitRunning(Duration.ofMinutes(3));
        long running = System.nanoTime();
        long[] firstAndLast = await(positive, negative, job);
        long peak = FlinkJobBenchmark.peakRssKb(job.pid());
        job.stop(Duration.ofSeconds(20));
        return new Measurement("local Kinesis", "Flink job (forked, FlinkJobProcess)", records,
                (firstAndLast[1] - running) / 1e9, 0, "", String.format(Locale.ROOT,
                        "fork to RUNNING %.1f s; RUNNING to first output %.1f s; first to last output %s;"
                                + " peak RSS %,d MB", (running - forked) / 1e9, (firstAndLast[0] - running) / 1e9,
                        rate(firstAndLast), peak / 1024),
                Measurement.loadAverage());
    }

    /** Polls both outputs until they hold every routed record; returns when the first was read and when the last. */
    private long[] await(StreamCounter positive, StreamCounter negative, FlinkJobProcess job) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (positive.count + negative.count < records) {
            long read = positive.poll() + negative.poll();
            if (System.nanoTime() > deadline || (job != null && !job.isAlive())) {
                throw new IllegalStateException("outputs hold " + positive.count + " / " + negative.count + " of "
                        + records + " records" + (job == null ? "" : "; job log " + job.logFile()));
            }
            if (read == 0) {
                pause();
            }
        }
        long last = System.nanoTime();
        long first = positive.firstNanos == 0 ? negative.firstNanos
                : negative.firstNanos == 0 ? positive.firstNanos : Math.min(positive.firstNanos, negative.firstNanos);
        if (positive.count != positives || negative.count != records - positives) {
            throw new IllegalStateException("routed " + positive.count + " / " + negative.count + ", expected "
                    + positives + " / " + (records - positives));
        }
        return new long[] {first, last};
    }

    /** The rate between the first and the last output record, unless they came in one poll. */
    private String rate(long[] firstAndLast) {
        double seconds = (firstAndLast[1] - firstAndLast[0]) / 1e9;
        return seconds < 0.05 ? "(one poll)" : String.format(Locale.ROOT, "%,.0f records/s", records / seconds);
    }

    private static Output output(String name, String stream) {
        return Output.builder().name(name).kinesisStreamsOutput(k -> k.resourceARN(ARN + stream).roleARN(ROLE))
                .destinationSchema(d -> d.recordFormatType("JSON")).build();
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

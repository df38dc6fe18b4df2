package io.github.kinesisfanout.flink;

import io.github.kinesisfanout.local.FlinkJobProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the forked Flink job: its rate on an in-memory source (datagen, discarding sinks), its rate
 * through the local cloud's Kinesis (records put before the start, read from TRIM_HORIZON), the time
 * from the fork to the first output record, and the forked JVM's peak resident memory.
 * Run: {@code ./mvnw -B -pl kinesis-fanout-flink -am -Pbench-flink -DskipTests verify [-Dbench.args="--memory-rows 20000000 --kinesis-records 200000"]}.
 */
public final class FlinkJobBenchmark {

    private FlinkJobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long memoryRows = 10_000_000;
        int kinesisRecords = 100_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--memory-rows" -> memoryRows = Long.parseLong(args[i + 1]);
                case "--kinesis-records" -> kinesisRecords = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("flink-bench");
        try (LocalFlinkRun run = new LocalFlinkRun()) {
            memory(run, dir.resolve("memory"), memoryRows);
            kinesis(run, dir.resolve("kinesis"), kinesisRecords);
        }
    }

    private static void memory(LocalFlinkRun run, Path dir, long rows) throws Exception {
        Files.createDirectories(dir);
        Path properties = run.writeProperties(dir, Map.of("bench.rows", Long.toString(rows)));
        long forked = System.nanoTime();
        FlinkJobProcess job = run.start(LocalFlinkRun.JOB_JAR, LocalFlinkRun.scriptDirectory(dir, "bench-memory.sql"),
                properties, LocalFlinkRun.log("bench-memory"), List.of());
        job.awaitRunning(Duration.ofMinutes(3));
        long running = System.nanoTime();
        long deadline = running + Duration.ofMinutes(10).toNanos();
        long peak = 0;
        while (!job.isFinished() && job.isAlive() && System.nanoTime() < deadline) {
            peak = Math.max(peak, peakRssKb(job.pid()));
            LocalFlinkRun.pause();
        }
        long finished = System.nanoTime();
        if (!job.isFinished()) {
            throw new IllegalStateException("the in-memory job did not finish; log " + job.logFile());
        }
        double seconds = (finished - running) / 1e9;
        System.out.printf("in memory (datagen -> 2 filters -> blackhole), %,d rows: fork to RUNNING %.1f s,"
                + " RUNNING to FINISHED %.1f s = %,.0f rows/s; peak RSS %,d MB%n",
                rows, (running - forked) / 1e9, seconds, rows / seconds, peak / 1024);
        job.stop(Duration.ofSeconds(20));
    }

    private static void kinesis(LocalFlinkRun run, Path dir, int records) throws Exception {
        Files.createDirectories(dir);
        run.createStream("BenchIn", 2);
        run.createStream("BenchPos", 2);
        run.createStream("BenchNeg", 2);
        List<String> input = new ArrayList<>(records);
        int positive = 0;
        for (int i = 0; i < records; i++) {
            int amount = (i * 7919) % 2001 - 1000;
            positive += amount >= 0 ? 1 : 0;
            input.add("{\"ID\":" + i + ",\"USERNAME\":\"user" + (i % 100) + "\",\"AMOUNT\":" + amount + ".25}");
        }
        long put = System.nanoTime();
        run.put("BenchIn", input);
        System.out.printf("put %,d records in %.1f s%n", records, (System.nanoTime() - put) / 1e9);
        Path properties = run.writeProperties(dir, Map.of("input.stream", "BenchIn",
                "output.POSITIVE_TRANSACTIONS.stream", "BenchPos", "output.NEGATIVE_TRANSACTIONS.stream", "BenchNeg"));
        long forked = System.nanoTime();
        FlinkJobProcess job = run.start(LocalFlinkRun.JOB_JAR, LocalFlinkRun.scriptDirectory(dir, "fanout.sql"),
                properties, LocalFlinkRun.log("bench-kinesis"), List.of());
        StreamCounter pos = new StreamCounter(run.cloud.kinesis(), "BenchPos");
        StreamCounter neg = new StreamCounter(run.cloud.kinesis(), "BenchNeg");
        job.awaitRunning(Duration.ofMinutes(3));
        long running = System.nanoTime();
        long first = 0;
        long peak = 0;
        long deadline = running + Duration.ofMinutes(10).toNanos();
        while (pos.count + neg.count < records && job.isAlive() && System.nanoTime() < deadline) {
            pos.poll();
            neg.poll();
            if (first == 0 && pos.count + neg.count > 0) {
                first = System.nanoTime();
            }
            peak = Math.max(peak, peakRssKb(job.pid()));
            LocalFlinkRun.pause();
        }
        long done = System.nanoTime();
        peak = Math.max(peak, peakRssKb(job.pid()));
        job.stop(Duration.ofSeconds(20));
        if (pos.count != positive || neg.count != records - positive) {
            throw new IllegalStateException("routed " + pos.count + " / " + neg.count + ", expected " + positive + " / "
                    + (records - positive) + "; log " + job.logFile());
        }
        double seconds = (done - first) / 1e9;
        System.out.printf("through local Kinesis (2-shard input, 2 outputs), %,d records (%,d / %,d):"
                + " fork to RUNNING %.1f s, fork to first output %.1f s, first to last output %.1f s = %,.0f records/s;"
                + " RUNNING to last %.1f s; peak RSS %,d MB%n",
                records, pos.count, neg.count, (running - forked) / 1e9, (first - forked) / 1e9, seconds,
                records / seconds, (done - running) / 1e9, peak / 1024);
    }

    /** VmHWM of a Linux process in kB (0 when unreadable). */
    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}

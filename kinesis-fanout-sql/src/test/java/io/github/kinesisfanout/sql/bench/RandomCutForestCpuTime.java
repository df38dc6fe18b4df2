package io.github.kinesisfanout.sql.bench;

import com.amazon.randomcutforest.RandomCutForest;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntConsumer;
import org.openjdk.jmh.infra.Blackhole;

/**
 * RANDOM_CUT_FOREST with its default parameters (100 trees, sub-sample 256, time decay 100,000, shingle
 * size 1) timed by the pushing thread's CPU time as well as by the wall clock, beside the library alone:
 * {@code randomcutforest-core} scoring then updating the same two-dimensional points (AMOUNT and ID of
 * {@link PerUserPumpBenchmark}'s records, in the same order), once with the library's default point store
 * (twice the sample size, grown as the samples fill) and once with it at its full size, as the operator
 * builds it. Each measures 8 rounds of 50,000 records (the first 3 a warm-up) on a new forest. On a
 * shared machine the wall-clock rate measures how much of a core the thread got, the CPU-time rate what
 * the work itself costs, and the rate per second of the whole process's CPU time adds the garbage
 * collection and JIT compilation that run on other threads. The bytes the thread allocates per record are
 * reported beside them.
 *
 * <p>Run (about a minute): {@code ./mvnw -B -q -pl kinesis-fanout-sql test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath io.github.kinesisfanout.sql.bench.RandomCutForestCpuTime"}; the argument
 * {@code engine} or {@code library} runs only the engine or the library, {@code sliding} measures
 * {@link SlidingWindowBenchmark}'s pipeline the same way instead.
 */
public final class RandomCutForestCpuTime {

    private static final int WARM_UP = 3;
    private static final int ROUNDS = 8;

    private RandomCutForestCpuTime() {
    }

    public static void main(String[] args) {
        String only = args.length > 0 ? args[0] : "";
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        if (only.equals("sliding")) {
            SlidingWindowBenchmark sliding = new SlidingWindowBenchmark();
            sliding.setUp(blackhole);
            measure("sliding COUNT/SUM", 1_000_000, n -> {
                for (int i = 0; i < n; i++) {
                    sliding.slideOneRecord();
                }
            });
            return;
        }
        if (!only.equals("library")) {
            RandomCutForestBenchmark engine = new RandomCutForestBenchmark();
            engine.setUp(blackhole);
            measure("engine", 50_000, n -> {
                for (int i = 0; i < n; i++) {
                    engine.scoreOneRecord();
                }
            });
        }
        if (!only.equals("engine")) {
            float[][] points = points();
            library("library alone, default point store", blackhole, points, 2 * 256);
            library("library alone, full-size point store", blackhole, points, 256 * 100 + 1);
        }
    }

    /** Scores then adds each point, after the warm-up of 256 points, as the operator calls the library. */
    private static void library(String what, Blackhole blackhole, float[][] points, int initialPointStoreSize) {
        RandomCutForest forest = RandomCutForest.builder().dimensions(2).numberOfTrees(100).sampleSize(256)
                .timeDecay(1.0 / 100_000).randomSeed(42L).parallelExecutionEnabled(false)
                .initialPointStoreSize(initialPointStoreSize).build();
        int[] next = {0};
        long[] seen = {0};
        measure(what, 50_000, n -> {
            for (int i = 0; i < n; i++) {
                float[] point = points[next[0]];
                next[0] = (next[0] + 1) & (points.length - 1);
                if (++seen[0] > 256) {
                    blackhole.consume(forest.getAnomalyScore(point));
                }
                forest.update(point);
            }
        });
    }

    /** The (AMOUNT, ID) points of {@link PerUserPumpBenchmark}'s records, drawn from the same random sequence. */
    private static float[][] points() {
        Random random = new Random(42);
        float[][] points = new float[1 << 18][];
        for (int i = 0; i < points.length; i++) {
            int cents = random.nextInt(199_999) - 99_999;
            int id = 100_000 + random.nextInt(900_000);
            random.nextInt(1000);
            points[i] = new float[] {(float) (cents / 100.0), id};
        }
        return points;
    }

    private static void measure(String what, int records, IntConsumer push) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] cpuRates = new double[ROUNDS - WARM_UP];
        double[] processRates = new double[ROUNDS - WARM_UP];
        double[] wallRates = new double[ROUNDS - WARM_UP];
        for (int round = 1; round <= ROUNDS; round++) {
            long allocated = threads.getThreadAllocatedBytes(thread);
            long cpu = threads.getCurrentThreadCpuTime();
            long processCpu = process.getProcessCpuTime();
            long wall = System.nanoTime();
            push.accept(records);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            double processSeconds = (process.getProcessCpuTime() - processCpu) / 1e9;
            double bytes = (threads.getThreadAllocatedBytes(thread) - allocated) / (double) records;
            System.out.printf("%s round %d%s: %,.0f records/s of CPU time, %,.0f records/s of the process's CPU time,"
                    + " %,.0f records/s of wall-clock time, %,.0f bytes allocated per record%n", what, round,
                    round <= WARM_UP ? " (warm-up)" : "", records / cpuSeconds, records / processSeconds,
                    records / wallSeconds, bytes);
            if (round > WARM_UP) {
                cpuRates[round - WARM_UP - 1] = records / cpuSeconds;
                processRates[round - WARM_UP - 1] = records / processSeconds;
                wallRates[round - WARM_UP - 1] = records / wallSeconds;
            }
        }
        System.out.printf("%s median: %,.0f records/s of CPU time, %,.0f records/s of the process's CPU time,"
                + " %,.0f records/s of wall-clock time%n", what, median(cpuRates), median(processRates),
                median(wallRates));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

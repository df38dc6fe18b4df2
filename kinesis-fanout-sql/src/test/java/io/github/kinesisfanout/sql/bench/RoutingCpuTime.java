package io.github.kinesisfanout.sql.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The transaction routing pipeline of {@link TransactionRoutingBenchmark}, timed by the pushing
 * thread's CPU time as well as by the wall clock: on a shared machine the wall-clock rate measures
 * how much of a core the thread got, the CPU-time rate what the engine itself costs. The bytes the
 * thread allocates per record are reported beside them (garbage collection runs on other threads
 * and is not in the CPU time). The same records are then routed by {@link HandCodedRouting}, plain
 * Jackson streaming code, as a yardstick measured the same way.
 *
 * <p>Run (about 30 s): {@code ./mvnw -B -q -pl kinesis-fanout-sql test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath io.github.kinesisfanout.sql.bench.RoutingCpuTime"}; the argument
 * {@code engine} or {@code hand} runs only one of the two.
 */
public final class RoutingCpuTime {

    private static final int RECORDS = 2_000_000;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 8;

    private RoutingCpuTime() {
    }

    public static void main(String[] args) {
        String only = args.length > 0 ? args[0] : "";
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        TransactionRoutingBenchmark bench = new TransactionRoutingBenchmark();
        bench.setUp(blackhole);
        if (!only.equals("hand")) {
            measure("engine", bench::route);
        }
        if (!only.equals("engine")) {
            HandCodedRouting hand = new HandCodedRouting(bench.records(), blackhole, blackhole);
            measure("hand-coded Jackson", hand::route);
        }
    }

    private static void measure(String what, IntConsumer route) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        double[] cpuRates = new double[ROUNDS - WARM_UP];
        double[] wallRates = new double[ROUNDS - WARM_UP];
        for (int round = 1; round <= ROUNDS; round++) {
            long allocated = threads.getThreadAllocatedBytes(thread);
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            route.accept(RECORDS);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            double bytes = (threads.getThreadAllocatedBytes(thread) - allocated) / (double) RECORDS;
            System.out.printf("%s round %d%s: %,.0f records/s of CPU time, %,.0f records/s of wall-clock time,"
                    + " %,.0f bytes allocated per record%n", what, round, round <= WARM_UP ? " (warm-up)" : "",
                    RECORDS / cpuSeconds, RECORDS / wallSeconds, bytes);
            if (round > WARM_UP) {
                cpuRates[round - WARM_UP - 1] = RECORDS / cpuSeconds;
                wallRates[round - WARM_UP - 1] = RECORDS / wallSeconds;
            }
        }
        System.out.printf("%s median: %,.0f records/s of CPU time, %,.0f records/s of wall-clock time%n", what,
                median(cpuRates), median(wallRates));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

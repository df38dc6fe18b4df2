package io.github.kinesisfanout.sql.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The transaction routing pipeline of {@link TransactionRoutingBenchmark}, timed by the pushing
 * thread's CPU time as well as by the wall clock: on a shared machine the wall-clock rate measures
 * how much of a core the thread got, the CPU-time rate what the engine itself costs.
 *
 * <p>Run (about 20 s): {@code ./mvnw -B -q -pl kinesis-fanout-sql test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath io.github.kinesisfanout.sql.bench.RoutingCpuTime"}
 */
public final class RoutingCpuTime {

    private RoutingCpuTime() {
    }

    public static void main(String[] args) {
        TransactionRoutingBenchmark bench = new TransactionRoutingBenchmark();
        bench.setUp(new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int records = 2_000_000;
        for (int round = 1; round <= 8; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            bench.route(records);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            System.out.printf("round %d%s: %,.0f records/s of CPU time, %,.0f records/s of wall-clock time%n", round,
                    round <= 3 ? " (warm-up)" : "", records / cpuSeconds, records / wallSeconds);
        }
    }
}

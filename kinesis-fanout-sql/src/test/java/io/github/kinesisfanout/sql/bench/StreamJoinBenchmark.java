package io.github.kinesisfanout.sql.bench;

import io.github.kinesisfanout.sql.RunningApplication;
import io.github.kinesisfanout.sql.SqlEngine;
import io.github.kinesisfanout.sql.InputSchema;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Rows per second through an inner join of two streams on {@code a.K = b.K}, each side with a 10-second RANGE
 * window, one thread: rows pushed alternately into both streams one millisecond apart, so each window holds about
 * 5,000 rows of its side, over 1,000 keys (about 5 matches per row). Joined rows go to the blackhole.
 *
 * <p>Run (about 30 s): {@code ./mvnw -B -q -pl kinesis-fanout-sql test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath io.github.kinesisfanout.sql.bench.StreamJoinBenchmark"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class StreamJoinBenchmark {

    static final String CODE = String.join("\n",
            "CREATE STREAM L (K INTEGER, V INTEGER);",
            "CREATE STREAM R (K INTEGER, W INTEGER);",
            "CREATE STREAM OUT1 (K INTEGER, V INTEGER, W INTEGER);",
            "CREATE PUMP P AS INSERT INTO OUT1 SELECT STREAM a.K, a.V, b.W",
            "  FROM L OVER (RANGE INTERVAL '10' SECOND PRECEDING) AS a",
            "  JOIN R OVER (RANGE INTERVAL '10' SECOND PRECEDING) AS b ON a.K = b.K;");

    private RunningApplication app;
    private long rowtime = 1_700_000_000_000L;
    private int next;

    @Setup
    public void setUp(Blackhole out) {
        InputSchema schema = new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$"), List.of(
                new InputSchema.Column("ID", "INTEGER", "$.ID")), "UTF-8");
        app = SqlEngine.compile(CODE, List.of(schema)).start();
        app.subscribe("OUT1", out::consume);
    }

    @Benchmark
    public void joinOneRow() {
        int i = next++;
        // A fixed stride over 1,000 keys: both sides see every key equally often.
        Object[] values = {(i / 2 * 7919) % 1000, i};
        app.pushRow(i % 2 == 0 ? "L" : "R", values, ++rowtime);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(StreamJoinBenchmark.class.getSimpleName()).build()).run();
    }
}

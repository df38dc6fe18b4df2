package io.github.kinesisfanout.sql.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Records per second through a sliding COUNT and SUM over one minute per key, one thread: raw JSON in,
 * one output row per record serialized to JSON. One record per millisecond over 1,000 keys, so each key's
 * frame holds about 60 rows.
 *
 * <p>Run (about 40 s): {@code ./mvnw -B -q -pl kinesis-fanout-sql test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath io.github.kinesisfanout.sql.bench.SlidingWindowBenchmark"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 4, time = 4)
@Fork(1)
public class SlidingWindowBenchmark extends PerUserPumpBenchmark {

    static final String CODE = String.join("\n",
            "CREATE OR REPLACE STREAM \"PER_USER\" (USERNAME VARCHAR(200), N BIGINT, TOTAL DECIMAL(19,2));",
            "CREATE OR REPLACE PUMP \"SLIDING_PUMP\" AS INSERT INTO \"PER_USER\"",
            "  SELECT STREAM USERNAME, COUNT(*) OVER W, SUM(AMOUNT) OVER W FROM \"SOURCE_SQL_STREAM_001\"",
            "  WINDOW W AS (PARTITION BY USERNAME RANGE INTERVAL '1' MINUTE PRECEDING);");

    @Override
    protected String code() {
        return CODE;
    }

    @Benchmark
    public void slideOneRecord() {
        pushNext();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(SlidingWindowBenchmark.class.getSimpleName()).build()).run();
    }
}

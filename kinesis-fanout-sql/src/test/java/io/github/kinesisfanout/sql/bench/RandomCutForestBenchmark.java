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
 * Records per second through RANDOM_CUT_FOREST with its default parameters (100 trees, sub-sample 256,
 * one numeric column of AMOUNT and ID), one thread: raw JSON in, one scored row out, serialized to JSON.
 *
 * <p>Run (about 40 s): {@code ./mvnw -B -q -pl kinesis-fanout-sql test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath io.github.kinesisfanout.sql.bench.RandomCutForestBenchmark"}. The wall-clock
 * rate measures the share of a core the thread gets; {@link RandomCutForestCpuTime} measures the same
 * pipeline by CPU time, beside the library alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 4, time = 4)
@Fork(1)
public class RandomCutForestBenchmark extends PerUserPumpBenchmark {

    static final String CODE = String.join("\n",
            "CREATE OR REPLACE STREAM \"PER_USER\" (USERNAME VARCHAR(200), ANOMALY_SCORE DOUBLE);",
            "CREATE OR REPLACE PUMP \"RCF_PUMP\" AS INSERT INTO \"PER_USER\"",
            "  SELECT STREAM USERNAME, ANOMALY_SCORE FROM TABLE(RANDOM_CUT_FOREST(CURSOR(",
            "  SELECT STREAM USERNAME, CAST(AMOUNT AS DOUBLE) AS A, ID FROM \"SOURCE_SQL_STREAM_001\")));");

    @Override
    protected String code() {
        return CODE;
    }

    @Benchmark
    public void scoreOneRecord() {
        pushNext();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(RandomCutForestBenchmark.class.getSimpleName()).build()).run();
    }
}

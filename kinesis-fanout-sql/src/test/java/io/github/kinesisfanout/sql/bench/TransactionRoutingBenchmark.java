package io.github.kinesisfanout.sql.bench;

import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.InputRecord;
import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.OutputFormat;
import io.github.kinesisfanout.sql.RunningApplication;
import io.github.kinesisfanout.sql.SqlEngine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
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
 * Records per second through the transaction routing application of docs/DESIGN.md, one thread: raw JSON
 * bytes in (about 50 to 80 bytes each), parsed, filtered by both pumps, and serialized to JSON bytes
 * out (the work the local cloud's application runner does between a shard reader and a writer).
 *
 * <p>Run (about 40 s): {@code ./mvnw -B -q -pl kinesis-fanout-sql test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath io.github.kinesisfanout.sql.bench.TransactionRoutingBenchmark"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 4, time = 4)
@Fork(1)
public class TransactionRoutingBenchmark {

    static final String CODE = String.join("\n",
            "CREATE OR REPLACE STREAM \"POSITIVE_TRANSACTIONS\" (ID INTEGER, USERNAME VARCHAR(200), AMOUNT DECIMAL(5,2));",
            "CREATE OR REPLACE STREAM \"NEGATIVE_TRANSACTIONS\" (ID INTEGER, USERNAME VARCHAR(200), AMOUNT DECIMAL(5,2));",
            "CREATE OR REPLACE PUMP \"POSITIVE_PUMP\" AS INSERT INTO \"POSITIVE_TRANSACTIONS\"",
            "  SELECT STREAM ID, USERNAME, AMOUNT FROM \"SOURCE_SQL_STREAM_001\" WHERE AMOUNT >= 0;",
            "CREATE OR REPLACE PUMP \"NEGATIVE_PUMP\" AS INSERT INTO \"NEGATIVE_TRANSACTIONS\"",
            "  SELECT STREAM ID, USERNAME, AMOUNT FROM \"SOURCE_SQL_STREAM_001\" WHERE AMOUNT < 0;");

    private RunningApplication app;
    private byte[][] records;
    private int next;
    private long rowtime = 1_700_000_000_000L;
    private Blackhole out;

    @Setup
    public void setUp(Blackhole blackhole) {
        InputSchema schema = new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$"), List.of(
                new InputSchema.Column("ID", "INTEGER", "$.ID"),
                new InputSchema.Column("USERNAME", "VARCHAR(200)", "$.USERNAME"),
                new InputSchema.Column("AMOUNT", "DECIMAL(5,2)", "$.AMOUNT")), "UTF-8");
        CompiledApplication compiled = SqlEngine.compile(CODE, List.of(schema));
        OutputFormat positive = compiled.outputFormat("POSITIVE_TRANSACTIONS", "JSON");
        OutputFormat negative = compiled.outputFormat("NEGATIVE_TRANSACTIONS", "JSON");
        out = blackhole;
        app = compiled.start();
        app.subscribe("POSITIVE_TRANSACTIONS", row -> out.consume(positive.serialize(row)));
        app.subscribe("NEGATIVE_TRANSACTIONS", row -> out.consume(negative.serialize(row)));
        Random random = new Random(42);
        records = new byte[4096][];
        for (int i = 0; i < records.length; i++) {
            int cents = random.nextInt(199_999) - 99_999;
            String json = "{\"ID\":" + (100_000 + random.nextInt(900_000)) + ",\"USERNAME\":\"user-"
                    + random.nextInt(1000) + "\",\"AMOUNT\":" + String.format(java.util.Locale.ROOT, "%.2f", cents / 100.0) + "}";
            records[i] = json.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The generated records (after {@link #setUp}), for a hand-coded route of the same input. */
    byte[][] records() {
        return records;
    }

    /** Pushes {@code count} records outside JMH (for the CPU-time measurement of {@link RoutingCpuTime}). */
    void route(int count) {
        for (int i = 0; i < count; i++) {
            routeOneRecord();
        }
    }

    @Benchmark
    public void routeOneRecord() {
        byte[] data = records[next];
        next = (next + 1) & (records.length - 1);
        app.pushRecord("SOURCE_SQL_STREAM_001", new InputRecord(data, ++rowtime, rowtime, "pk", "1", "shardId-000000000000"));
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(TransactionRoutingBenchmark.class.getSimpleName()).build()).run();
    }
}

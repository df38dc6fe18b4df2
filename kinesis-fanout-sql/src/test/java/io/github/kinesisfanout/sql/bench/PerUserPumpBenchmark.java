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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the single-pump benchmarks share: the transaction input schema, 262,144 generated records over
 * 1,000 users, one record pushed per call with ROWTIME one millisecond later, and the output stream
 * {@code PER_USER} serialized to JSON into the blackhole.
 */
public abstract class PerUserPumpBenchmark {

    private RunningApplication app;
    private byte[][] records;
    private int next;
    private long rowtime = 1_700_000_000_000L;
    private Blackhole out;

    /** The application code; it writes the stream {@code PER_USER}. */
    protected abstract String code();

    @Setup
    public void setUp(Blackhole blackhole) {
        InputSchema schema = new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$"), List.of(
                new InputSchema.Column("ID", "INTEGER", "$.ID"),
                new InputSchema.Column("USERNAME", "VARCHAR(200)", "$.USERNAME"),
                new InputSchema.Column("AMOUNT", "DECIMAL(5,2)", "$.AMOUNT")), "UTF-8");
        CompiledApplication compiled = SqlEngine.compile(code(), List.of(schema));
        OutputFormat format = compiled.outputFormat("PER_USER", "JSON");
        out = blackhole;
        app = compiled.start();
        app.subscribe("PER_USER", row -> out.consume(format.serialize(row)));
        Random random = new Random(42);
        records = new byte[1 << 18][];
        for (int i = 0; i < records.length; i++) {
            int cents = random.nextInt(199_999) - 99_999;
            String json = "{\"ID\":" + (100_000 + random.nextInt(900_000)) + ",\"USERNAME\":\"user-"
                    + random.nextInt(1000) + "\",\"AMOUNT\":" + String.format(java.util.Locale.ROOT, "%.2f", cents / 100.0) + "}";
            records[i] = json.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Pushes the next record. */
    protected final void pushNext() {
        byte[] data = records[next];
        next = (next + 1) & (records.length - 1);
        app.pushRecord("SOURCE_SQL_STREAM_001", new InputRecord(data, ++rowtime, rowtime, "pk", "1", "shardId-000000000000"));
    }
}

package io.github.kinesisfanout.flink;

import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.InputRecord;
import io.github.kinesisfanout.sql.OutputFormat;
import io.github.kinesisfanout.sql.RunningApplication;
import io.github.kinesisfanout.sql.SqlEngine;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reference application on the same records without Kinesis: our engine pushing the raw JSON bytes on one
 * thread (timed by that thread's CPU time), and the translated Flink script on an in-process MiniCluster of
 * parallelism 1 with its Kinesis tables replaced by {@link MemoryTableFactory} tables (timed by the process CPU time).
 */
final class InMemoryComparison {

    /** The in-application input stream the records go to. */
    private static final String SOURCE = "SOURCE_SQL_STREAM_001";

    private final ReferenceApplication app;
    private final int records;
    private final long positives;

    InMemoryComparison(ReferenceApplication app, int records) {
        this.app = app;
        this.records = records;
        this.positives = ReferenceApplication.positives(records);
    }

    /** Four passes over all records (three warm the JIT up, as in RoutingCpuTime), the last measured. */
    Measurement engine() {
        byte[][] data = new byte[records][];
        for (int i = 0; i < records; i++) {
            data[i] = ReferenceApplication.record(i).getBytes(StandardCharsets.UTF_8);
        }
        CompiledApplication compiled = SqlEngine.compile(app.sql, List.of(app.inputSchema()));
        long[] counts = new long[ReferenceApplication.OUTPUTS.size() + 1];
        RunningApplication running = compiled.start();
        for (int o = 0; o < ReferenceApplication.OUTPUTS.size(); o++) {
            OutputFormat format = compiled.outputFormat(ReferenceApplication.OUTPUTS.get(o), "JSON");
            int output = o;
            running.subscribe(ReferenceApplication.OUTPUTS.get(o), row -> {
                counts[output]++;
                counts[counts.length - 1] += format.serialize(row).length;
            });
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long rowtime = 1_700_000_000_000L;
        long cpu = 0;
        long wall = 0;
        for (int round = 0; round < 4; round++) {
            counts[0] = 0;
            counts[1] = 0;
            cpu = threads.getCurrentThreadCpuTime();
            wall = System.nanoTime();
            for (byte[] record : data) {
                rowtime++;
                running.pushRecord(SOURCE, new InputRecord(record, rowtime, rowtime, "pk", "1", "shardId-000000000000"));
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
        }
        check("our engine", counts[0], counts[1]);
        return new Measurement("in memory", "our engine (SqlEngine.pushRecord)", records, wall / 1e9, cpu / 1e9,
                "thread", String.format(Locale.ROOT, "%,d / %,d rows", counts[0], counts[1]), Measurement.loadAverage());
    }

    /** A warm-up job on a tenth of the records, then the measured job on all of them (each on a fresh MiniCluster). */
    Measurement flink(Path dir) throws Exception {
        Path all = dir.resolve("records.json");
        Path tenth = dir.resolve("warm-up.json");
        List<String> lines = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            lines.add(ReferenceApplication.record(i));
        }
        Files.write(all, lines, StandardCharsets.UTF_8);
        Files.write(tenth, lines.subList(0, records / 10), StandardCharsets.UTF_8);
        lines = null;
        runFlink(tenth);
        JobExecutionResult result = runFlink(all);
        long positive = result.getAccumulatorResult("rows." + ReferenceApplication.OUTPUTS.get(0));
        long negative = result.getAccumulatorResult("rows." + ReferenceApplication.OUTPUTS.get(1));
        check("Flink", positive, negative);
        long nanos = result.getAccumulatorResult("bench.nanos");
        long cpuNanos = result.getAccumulatorResult("bench.cpuNanos");
        return new Measurement("in memory", "Flink job (MiniCluster, parallelism 1)", records, nanos / 1e9,
                cpuNanos / 1e9, "process", String.format(Locale.ROOT, "%,d / %,d rows; submit to finished %.1f s",
                        positive, negative, result.getNetRuntime() / 1e3), Measurement.loadAverage());
    }

    private JobExecutionResult runFlink(Path recordsFile) throws Exception {
        StreamExecutionEnvironment environment = StreamExecutionEnvironment.getExecutionEnvironment(
                FanoutJob.localConfiguration(JobArguments.parse("--flink-conf", "parallelism.default=1")));
        StreamTableEnvironment tables = StreamTableEnvironment.create(environment, EnvironmentSettings.inStreamingMode());
        tables.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        return new ScriptRunner(tables, "translated application").submit(inMemory(recordsFile))
                .getJobClient().orElseThrow().getJobExecutionResult().get();
    }

    /**
     * The translated script's statements with, after its last CREATE TABLE, a temporary table of the same name
     * {@code LIKE} each Kinesis table (same columns, same format options) on the in-memory connector.
     */
    private List<ScriptStatement> inMemory(Path recordsFile) {
        String input = "bench-input-stream";
        Map<String, String> properties = new HashMap<>(Map.of("aws.region", "us-east-1", "input.stream", input));
        for (String output : ReferenceApplication.OUTPUTS) {
            properties.put("output." + output + ".stream", "bench-output-stream");
        }
        List<ScriptStatement> statements = new ArrayList<>(StatementSplitter.split(
                Placeholders.resolve(app.translated(), properties, "translated application")));
        List<ScriptStatement> shadows = new ArrayList<>();
        int after = 0;
        for (int i = 0; i < statements.size(); i++) {
            String text = statements.get(i).text();
            if (text.toUpperCase(Locale.ROOT).startsWith("CREATE TABLE")) {
                after = i + 1;
                int open = text.indexOf('`');
                String table = text.substring(open + 1, text.indexOf('`', open + 1));
                boolean source = text.contains("'" + input + "'");
                shadows.add(shadow(table, source ? "'path' = '"
                        + recordsFile.toAbsolutePath().toString().replace("'", "''") + "'" : null));
            }
        }
        statements.addAll(after, shadows);
        return statements;
    }

    private static ScriptStatement shadow(String table, String extraOption) {
        return new ScriptStatement("CREATE TEMPORARY TABLE `" + table + "` WITH ('connector' = '"
                + MemoryTableFactory.IDENTIFIER + "'" + (extraOption == null ? "" : ", " + extraOption) + ") LIKE `"
                + table + "`", 0, 0, 0);
    }

    private void check(String engine, long positive, long negative) {
        if (positive != positives || negative != records - positives) {
            throw new IllegalStateException(engine + " routed " + positive + " / " + negative + ", expected " + positives
                    + " / " + (records - positives));
        }
    }
}

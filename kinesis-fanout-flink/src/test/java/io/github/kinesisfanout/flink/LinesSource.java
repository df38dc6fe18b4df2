package io.github.kinesisfanout.flink;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.RuntimeContextInitializationContextAdapters;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.data.utils.JoinedRowData;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the lines of a file, read into memory in {@code open}, decoded one by one and joined with the requested
 * metadata (the same values for every row); notes the wall clock and the
 * process CPU time around the emitting loop in the accumulators {@code bench.nanos} and {@code bench.cpuNanos}.
 */
@SuppressWarnings("deprecation")
final class LinesSource extends RichSourceFunction<RowData> {

    private static final long serialVersionUID = 1L;
    static final String TIMESTAMP = "timestamp";
    static final String SHARD_ID = "shard-id";
    private static final int BATCH = 1024;

    private final String path;
    private final DeserializationSchema<RowData> decoder;
    private final ArrayList<String> metadata;
    private transient byte[][] lines;
    private volatile boolean running = true;

    LinesSource(String path, DeserializationSchema<RowData> decoder, List<String> metadata) {
        this.path = path;
        this.decoder = decoder;
        this.metadata = new ArrayList<>(metadata);
    }

    @Override
    public void open(Configuration parameters) throws Exception {
        decoder.open(RuntimeContextInitializationContextAdapters.deserializationAdapter(getRuntimeContext()));
        List<String> text = Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
        lines = new byte[text.size()][];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = text.get(i).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void run(SourceContext<RowData> context) throws Exception {
        GenericRowData meta = new GenericRowData(metadata.size());
        for (int m = 0; m < metadata.size(); m++) {
            meta.setField(m, metadata.get(m).equals(TIMESTAMP) ? TimestampData.fromEpochMillis(1_700_000_000_000L)
                    : StringData.fromString("shardId-000000000000"));
        }
        long cpu = processCpuNanos();
        long wall = System.nanoTime();
        for (int from = 0; from < lines.length && running; from += BATCH) {
            synchronized (context.getCheckpointLock()) {
                for (int i = from; i < Math.min(lines.length, from + BATCH); i++) {
                    RowData row = decoder.deserialize(lines[i]);
                    if (row != null) {
                        context.collect(metadata.isEmpty() ? row : new JoinedRowData(row, meta));
                    }
                }
            }
        }
        getRuntimeContext().getLongCounter("bench.nanos").add(System.nanoTime() - wall);
        getRuntimeContext().getLongCounter("bench.cpuNanos").add(processCpuNanos() - cpu);
    }

    @Override
    public void cancel() {
        running = false;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
